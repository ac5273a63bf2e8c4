package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.civicflow.domain.common.ConflictException;
import org.junit.jupiter.api.Test;

class ReplyDraftTest {

  private ReplyDraft submitted() {
    return new ReplyDraft(
        1L,
        "SCJG",
        1,
        1,
        new DraftInput(
            "答复", ReplyCategory.of("A"), ContactMethod.VISIT, null, Disclosure.PUBLIC, "x"),
        "h",
        Instant.now());
  }

  @Test
  void reviewThenSignOff() {
    ReplyDraft d = submitted();
    assertThat(d.getNonDisclosureReason()).as("reason only kept for non-public replies").isNull();
    d.decide(ReviewStage.REVIEW, Verdict.APPROVE);
    assertThat(d.getState()).isEqualTo(DraftState.REVIEWED);
    d.decide(ReviewStage.SIGN_OFF, Verdict.APPROVE);
    assertThat(d.getState()).isEqualTo(DraftState.SIGNED);
  }

  @Test
  void signOffBeforeReviewIsRefused() {
    ReplyDraft d = submitted();
    assertThatThrownBy(() -> d.decide(ReviewStage.SIGN_OFF, Verdict.APPROVE))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void withdrawOnlyBeforeReview() {
    ReplyDraft d = submitted();
    d.withdraw();
    assertThat(d.getState()).isEqualTo(DraftState.WITHDRAWN);

    ReplyDraft reviewed = submitted();
    reviewed.decide(ReviewStage.REVIEW, Verdict.APPROVE);
    assertThatThrownBy(reviewed::withdraw).isInstanceOf(ConflictException.class);
  }

  @Test
  void returnSendsBackToDrafting() {
    ReplyDraft d = submitted();
    d.decide(ReviewStage.REVIEW, Verdict.RETURN);
    assertThat(d.getState()).isEqualTo(DraftState.RETURNED);
  }

  @Test
  void aFurtherApprovalOfAStageKeepsTheStateAndAReturnFromItSendsBack() {
    ReplyDraft d = submitted();
    d.decide(ReviewStage.REVIEW, Verdict.APPROVE);
    d.decide(ReviewStage.REVIEW, Verdict.APPROVE);
    assertThat(d.getState()).as("second review").isEqualTo(DraftState.REVIEWED);
    d.decide(ReviewStage.SIGN_OFF, Verdict.APPROVE);
    d.decide(ReviewStage.SIGN_OFF, Verdict.APPROVE);
    assertThat(d.getState()).as("second leader").isEqualTo(DraftState.SIGNED);
    assertThatThrownBy(() -> d.decide(ReviewStage.REVIEW, Verdict.APPROVE))
        .as("no review after sign-off")
        .isInstanceOf(ConflictException.class);
    d.decide(ReviewStage.SIGN_OFF, Verdict.RETURN);
    assertThat(d.getState()).isEqualTo(DraftState.RETURNED);
  }
}
