package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import org.civicflow.domain.MapperTestBase;
import org.civicflow.domain.assignment.AssignmentMapper;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.setting.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The separation of duties on one department's draft: who may decide, which proposals a person's
 * inbox leaves out, and the switch that turns it off (audited).
 */
@Import({
  Proposals.class,
  SeparationOfDuties.class,
  Settings.class,
  AuditLog.class,
  SeparationOfDutiesTest.Clocks.class
})
class SeparationOfDutiesTest extends MapperTestBase {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired SeparationOfDuties separation;
  @Autowired ReplyDraftMapper drafts;
  @Autowired AssignmentMapper assignments;
  @Autowired AuditLog audit;

  private ReplyDraft v1;

  @BeforeEach
  void aDraftInReview() {
    separation.enable(true, "admin");
    v1 = DraftInReview.store(proposal, department, assignments, drafts);
  }

  private ReplyDraft approvedBy(String who, ReviewStage stage, String step, DraftState after) {
    drafts.insertDecision(
        new DraftDecision(
            null, v1.getId(), stage, step, Verdict.APPROVE, null, who, Instant.now()));
    DraftState before = drafts.findVersion(proposal.getId(), department.code(), 1).get().getState();
    drafts.updateState(v1.getId(), before, after);
    return drafts.findVersion(proposal.getId(), department.code(), 1).orElseThrow();
  }

  @Test
  void theAuthorNeitherReviewsNorSignsOff() {
    assertThat(SeparationOfDuties.brokenBy(v1, ReviewStage.REVIEW, "ann")).contains("sod.author");
    assertThat(SeparationOfDuties.brokenBy(v1, ReviewStage.SIGN_OFF, "ann")).contains("sod.author");
    assertThat(SeparationOfDuties.brokenBy(v1, ReviewStage.REVIEW, "bob")).isEmpty();
    assertThatThrownBy(() -> separation.check(v1, ReviewStage.REVIEW, "ann"))
        .isInstanceOfSatisfying(
            SeparationOfDutiesException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("sod.author");
              assertThat(e.arguments()).containsExactly(1);
            });
    assertThat(audit.forObject("proposal", String.valueOf(proposal.getId())))
        .filteredOn(e -> e.action().equals("draft.review"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.actor()).isEqualTo("ann");
              assertThat(e.detail()).contains("v1", "sod.author");
            });
  }

  @Test
  void theReviewerDoesNotSignOffAndNobodyApprovesTwice() {
    ReplyDraft reviewed = approvedBy("bob", ReviewStage.REVIEW, "reviewDraft", DraftState.REVIEWED);
    assertThat(SeparationOfDuties.brokenBy(reviewed, ReviewStage.SIGN_OFF, "bob"))
        .contains("sod.reviewer");
    assertThat(SeparationOfDuties.brokenBy(reviewed, ReviewStage.REVIEW, "bob"))
        .as("a second review step an admin added")
        .contains("sod.twice");
    assertThat(SeparationOfDuties.brokenBy(reviewed, ReviewStage.SIGN_OFF, "cid")).isEmpty();
    ReplyDraft signed = approvedBy("cid", ReviewStage.SIGN_OFF, "signOff", DraftState.SIGNED);
    assertThat(SeparationOfDuties.brokenBy(signed, ReviewStage.SIGN_OFF, "cid"))
        .as("a second sign-off step an admin added")
        .contains("sod.twice");
    assertThat(SeparationOfDuties.brokenBy(signed, ReviewStage.SIGN_OFF, "dan")).isEmpty();
    assertThatThrownBy(() -> separation.check(signed, ReviewStage.SIGN_OFF, "cid"))
        .isInstanceOf(SeparationOfDutiesException.class)
        .hasMessageContaining("sod.twice");
  }

  @Test
  void theInboxLeavesOutTheDraftsAPersonWroteOrApprovedWhileTheyAreInReview() {
    String dept = department.code();
    assertThat(separation.notForDecisionBy(dept, "ann")).containsExactly(proposal.getId());
    assertThat(separation.notForDecisionBy(dept, "bob")).isEmpty();
    approvedBy("bob", ReviewStage.REVIEW, "reviewDraft", DraftState.REVIEWED);
    assertThat(separation.notForDecisionBy(dept, "bob")).containsExactly(proposal.getId());
    assertThat(separation.notForDecisionBy("OTHER", "bob")).isEmpty();

    // returned: a new version is being written, nothing is in review
    drafts.updateState(v1.getId(), DraftState.REVIEWED, DraftState.RETURNED);
    assertThat(separation.notForDecisionBy(dept, "ann")).isEmpty();
    assertThat(separation.notForDecisionBy(dept, "bob")).isEmpty();
  }

  @Test
  void switchedOffEveryoneMayDecideAndTheChangeIsAudited() {
    separation.enable(false, "admin");
    assertThat(separation.enabled()).isFalse();
    separation.check(v1, ReviewStage.REVIEW, "ann");
    assertThat(separation.notForDecisionBy(department.code(), "ann")).isEmpty();
    separation.enable(false, "admin"); // no change, no record
    separation.enable(true, "admin2");
    assertThat(separation.enabled()).isTrue();
    assertThat(audit.forObject("setting", Settings.SEPARATION_OF_DUTIES))
        .extracting(AuditEvent::actor, AuditEvent::detail)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple("admin", "true → false"),
            org.assertj.core.groups.Tuple.tuple("admin2", "false → true"));
  }
}
