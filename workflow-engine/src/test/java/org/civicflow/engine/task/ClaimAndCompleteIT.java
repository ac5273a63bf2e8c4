package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.identity.Role;
import org.civicflow.engine.EngineFixtures;
import org.civicflow.engine.intake.ProposalIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine's own authorization still guards a claim and completion in one command: the claim
 * checks the caller's right to work on the task (the completion then does not ask again), so a
 * caller without it changes nothing.
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
    long id =
        intake
            .register(EngineFixtures.proposal("C" + System.nanoTime() % 100_000, "认领检查"), registrar)
            .getId();
    Task task =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
    TaskFacts.Reader reader = TaskFacts.of(engine);

    identity.setAuthentication("claim.stranger", List.of("handler-NONE"));
    try {
      assertThatThrownBy(
              () ->
                  reader.claimAndComplete(
                      task.getId(), "claim.stranger", Map.of("acceptanceDecision", "ACCEPT")))
          .isInstanceOf(AuthorizationException.class);
      // nothing to claim: the completion makes the check itself
      assertThatThrownBy(
              () ->
                  reader.claimAndComplete(
                      task.getId(), null, Map.of("acceptanceDecision", "ACCEPT")))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }

    Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getAssignee()).isNull();
  }
}
