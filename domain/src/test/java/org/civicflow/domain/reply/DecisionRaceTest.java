package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import org.civicflow.domain.MapperTestBase;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.AssignmentMapper;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.domain.setting.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Two completions of one review task (two nodes, a double click) race: the loser may read the
 * draft's state from before the winner's commit and its decisions from after (read committed). It
 * must hear that the step is done (a conflict), not that the reviewer approved twice.
 */
@Import({
  ReplyDrafting.class,
  SeparationOfDuties.class,
  Settings.class,
  AuditLog.class,
  DecisionRaceTest.Clocks.class
})
class DecisionRaceTest extends MapperTestBase {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @MockitoBean AssignmentManagement assignmentManagement;
  @MockitoBean ResultCategorySet categories;

  @Autowired ReplyDrafting drafting;
  @Autowired SeparationOfDuties separation;
  @Autowired ReplyDraftMapper drafts;
  @Autowired AssignmentMapper assignments;

  private ReplyDraft v1;

  @BeforeEach
  void aDraftInReview() {
    separation.enable(true, "admin");
    v1 = DraftInReview.store(proposal, department, assignments, drafts);
  }

  /**
   * The winner's decision is in; the draft's state as the loser read it is not (still in review).
   */
  private void winnerDecided(String step) {
    drafts.insertDecision(
        new DraftDecision(
            null,
            v1.getId(),
            ReviewStage.REVIEW,
            step,
            Verdict.APPROVE,
            null,
            "bob",
            Instant.now()));
  }

  @Test
  void theSameStepDecidedAgainIsAConflictNotASecondApproval() {
    winnerDecided("reviewDraft");
    assertThatThrownBy(
            () ->
                drafting.decide(
                    proposal.getId(),
                    department.code(),
                    ReviewStage.REVIEW,
                    "reviewDraft",
                    Verdict.APPROVE,
                    null,
                    "bob"))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> assertThat(e.messageKey()).isEqualTo("draft.notAwaitingDecision"));
  }

  @Test
  void aFurtherApprovalStepBySamePersonIsStillRefusedBySeparationOfDuties() {
    winnerDecided("reviewDraft");
    assertThatThrownBy(
            () ->
                drafting.decide(
                    proposal.getId(),
                    department.code(),
                    ReviewStage.REVIEW,
                    "secondReview",
                    Verdict.APPROVE,
                    null,
                    "bob"))
        .isInstanceOfSatisfying(
            SeparationOfDutiesException.class,
            e -> assertThat(e.messageKey()).isEqualTo("sod.twice"));
  }
}
