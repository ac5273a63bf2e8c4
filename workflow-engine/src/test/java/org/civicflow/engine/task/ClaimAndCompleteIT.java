package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.identity.Role;
import org.civicflow.engine.EngineFixtures;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.processes.ProposalHandlingVariables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine's own authorization still guards a completion that takes the task first: a caller
 * without the right to work on the task changes nothing; one with it completes the task, and its
 * history names them.
 */
@SpringBootTest
class ClaimAndCompleteIT {

  @Autowired EngineFixtures fixtures;
  @Autowired ProposalIntake intake;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @Test
  void aCallerWhoMayNotWorkOnTheTaskCanNeitherClaimNorCompleteIt() {
    fixtures.session();
    Caller registrar = fixtures.user("claim.registrar", null, Role.REGISTRAR);
    Task task = acceptanceOfANewProposal("C", "认领检查", registrar);
    TaskFacts.Reader reader = TaskFacts.of(engine);

    identity.setAuthentication("claim.stranger", List.of("handler-NONE"));
    try {
      assertThatThrownBy(
              () ->
                  reader.claimAndComplete(
                      task.getId(),
                      "claim.stranger",
                      Map.of(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT")))
          .isInstanceOf(AuthorizationException.class);
      // nothing to claim: the completion makes the check itself
      assertThatThrownBy(
              () ->
                  reader.claimAndComplete(
                      task.getId(),
                      null,
                      Map.of(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT")))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }

    Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getAssignee()).isNull();

    identity.setAuthentication(registrar.username(), registrar.groups());
    try {
      Map<String, Object> accepted = new HashMap<>();
      accepted.put(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT");
      accepted.put("acceptanceReason", null);
      accepted.put(ProposalHandlingVariables.MERGE_INTO_ID, null);
      reader.claimAndComplete(task.getId(), registrar.username(), accepted);
    } finally {
      identity.clearAuthentication();
    }
    HistoricTaskInstance done =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .taskId(task.getId())
            .singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo(registrar.username());
    // the assignee's right to the task went with it: nothing left behind
    assertThat(
            engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .resourceId(task.getId())
                .count())
        .isZero();
  }

  @Test
  void aTaskSomeoneElseTookIsRefusedAsAClaimWouldBe() {
    fixtures.session();
    Caller registrar = fixtures.user("claim.registrar2", null, Role.REGISTRAR);
    Caller colleague = fixtures.user("claim.registrar3", null, Role.REGISTRAR);
    Task task = acceptanceOfANewProposal("D", "认领冲突", registrar);
    tasks.claim(task.getId(), colleague.username());

    identity.setAuthentication(registrar.username(), registrar.groups());
    try {
      assertThatThrownBy(
              () ->
                  TaskFacts.of(engine)
                      .claimAndComplete(
                          task.getId(),
                          registrar.username(),
                          Map.of(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT")))
          .isInstanceOf(TaskAlreadyClaimedException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo(colleague.username());
  }

  /** The acceptance task of a proposal the registrar has just registered. */
  private Task acceptanceOfANewProposal(String prefix, String title, Caller registrar) {
    long id =
        intake
            .register(
                EngineFixtures.proposal(prefix + System.nanoTime() % 100_000, title), registrar)
            .getId();
    return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
  }
}
