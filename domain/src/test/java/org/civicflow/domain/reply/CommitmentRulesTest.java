package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

/** The commitments of a draft: required when the category promises action, due after today. */
class CommitmentRulesTest {

  static final LocalDate TODAY = LocalDate.parse("2022-05-16");

  private static DraftInput draft(ReplyCategory category, List<CommitmentInput> commitments) {
    return new DraftInput(
        "答复", category, ContactMethod.NONE, null, Disclosure.PUBLIC, null, commitments);
  }

  private static CommitmentInput due(LocalDate date) {
    return new CommitmentInput("开展专项检查", date, "检查结果公布");
  }

  private static void refusedNaming(DraftInput in, String field) {
    assertThatThrownBy(() -> ReplyDrafting.validate(in, TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.fieldErrors()).containsKey(field));
  }

  @Test
  void aCategoryThatPromisesActionNeedsCommitments() {
    refusedNaming(draft(ReplyCategory.B, List.of()), "commitments");
    assertThatCode(
            () ->
                ReplyDrafting.validate(
                    draft(ReplyCategory.B, List.of(due(TODAY.plusDays(1)))), TODAY))
        .doesNotThrowAnyException();
  }

  @Test
  void aCategoryThatPromisesNothingRefusesThem() {
    refusedNaming(draft(ReplyCategory.A, List.of(due(TODAY.plusDays(1)))), "commitments");
    refusedNaming(draft(ReplyCategory.C, List.of(due(TODAY.plusDays(1)))), "commitments");
    assertThatCode(() -> ReplyDrafting.validate(draft(ReplyCategory.A, List.of()), TODAY))
        .doesNotThrowAnyException();
  }

  @Test
  void theDueDateIsAfterTodayAndEveryPartIsThere() {
    refusedNaming(draft(ReplyCategory.B, List.of(due(TODAY))), "commitments[0].dueDate");
    refusedNaming(
        draft(ReplyCategory.B, List.of(due(TODAY.plusDays(2)), due(TODAY.minusDays(1)))),
        "commitments[1].dueDate");
    refusedNaming(
        draft(ReplyCategory.B, List.of(new CommitmentInput(null, TODAY.plusDays(1), "x"))),
        "commitments[0].text");
    refusedNaming(
        draft(ReplyCategory.B, List.of(new CommitmentInput("x", TODAY.plusDays(1), " "))),
        "commitments[0].measure");
    refusedNaming(
        draft(ReplyCategory.B, List.of(new CommitmentInput("x", null, "y"))),
        "commitments[0].dueDate");
  }
}
