package org.civicflow.engine.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.ProposalStatus;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.engine.EngineFixtures;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Domain state and process state change in one transaction: when a delegate fails after the step
 * recorded the person's input, both the domain rows and the task completion are rolled back.
 */
@SpringBootTest
class TransactionBoundaryIT {

  @MockitoBean(name = "acceptProposalDelegate")
  JavaDelegate failingAcceptance;

  @Autowired EngineFixtures fixtures;
  @Autowired ProposalIntake intake;
  @Autowired Inbox inbox;
  @Autowired TaskWork work;
  @Autowired Proposals proposals;
  @Autowired AuditLog audit;

  @Test
  void aFailingDelegateRollsBackTheDomainAndTheCompletion() throws Exception {
    doThrow(new IllegalStateException("the acceptance service failed"))
        .when(failingAcceptance)
        .execute(any());
    fixtures.session();
    Caller registrar = fixtures.user("tx.registrar", null, Role.REGISTRAR);
    long id =
        intake
            .register(EngineFixtures.proposal("T" + System.nanoTime() % 100_000, "事务测试"), registrar)
            .getId();
    String task =
        inbox
            .page(registrar, new InboxFilter("reviewAcceptance", null, null, id, 0, 5))
            .items()
            .get(0)
            .id();

    assertThatThrownBy(() -> work.complete(task, Map.of("decision", "ACCEPT"), registrar))
        .hasStackTraceContaining("the acceptance service failed");

    assertThat(proposals.get(id).getStatus()).isEqualTo(ProposalStatus.REGISTERED);
    assertThat(
            inbox
                .page(registrar, new InboxFilter("reviewAcceptance", null, null, id, 0, 5))
                .items())
        .as("the task is still open, unclaimed")
        .singleElement()
        .satisfies(row -> assertThat(row.assignee()).isNull());
    assertThat(audit.forObject("proposal", String.valueOf(id)))
        .as("the step's audit record went with the rollback")
        .noneMatch(e -> e.action().equals("task.complete"));
  }
}
