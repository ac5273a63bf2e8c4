package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.resultcategory.CategoryScheme;
import org.civicflow.domain.resultcategory.ResultCategory;
import org.junit.jupiter.api.Test;

/** The commitments of a draft: required when the category promises action, due after today. */
class CommitmentRulesTest {

  static final LocalDate TODAY = LocalDate.parse("2022-05-16");

  /** A/B/C as seeded by V20: B lists commitments. */
  static final CategoryScheme ABC =
      new CategoryScheme(
          "ABC",
          List.of(
              category("ABC", "A", 1, false),
              category("ABC", "B", 2, true),
              category("ABC", "C", 3, false)));

  /** A/B/C/D as seeded by V20: B and C list commitments. */
  static final CategoryScheme ABCD =
      new CategoryScheme(
          "ABCD",
          List.of(
              category("ABCD", "A", 1, false),
              category("ABCD", "B", 2, true),
              category("ABCD", "C", 3, true),
              category("ABCD", "D", 4, false)));

  static ResultCategory category(String set, String code, int order, boolean commitments) {
    return new ResultCategory(set, code, code, code, null, null, order, commitments, null, null);
  }

  private static DraftInput draft(ReplyCategory category, List<CommitmentInput> commitments) {
    return new DraftInput(
        "答复", category, ContactMethod.NONE, null, Disclosure.PUBLIC, null, commitments);
  }

  private static CommitmentInput due(LocalDate date) {
    return new CommitmentInput("开展专项检查", date, "检查结果公布");
  }

  private static void refusedNaming(DraftInput in, String field) {
    refusedNaming(in, ABC, field);
  }

  private static void refusedNaming(DraftInput in, CategoryScheme scheme, String field) {
    assertThatThrownBy(() -> ReplyDrafting.validate(in, scheme, TODAY))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.fieldErrors()).containsKey(field));
  }

  @Test
  void aCategoryThatPromisesActionNeedsCommitments() {
    refusedNaming(draft(ReplyCategory.of("B"), List.of()), "commitments");
    assertThatCode(
            () ->
                ReplyDrafting.validate(
                    draft(ReplyCategory.of("B"), List.of(due(TODAY.plusDays(1)))), ABC, TODAY))
        .doesNotThrowAnyException();
  }

  @Test
  void aCategoryThatPromisesNothingRefusesThem() {
    refusedNaming(draft(ReplyCategory.of("A"), List.of(due(TODAY.plusDays(1)))), "commitments");
    refusedNaming(draft(ReplyCategory.of("C"), List.of(due(TODAY.plusDays(1)))), "commitments");
    assertThatCode(
            () -> ReplyDrafting.validate(draft(ReplyCategory.of("A"), List.of()), ABC, TODAY))
        .doesNotThrowAnyException();
  }

  @Test
  void theDueDateIsAfterTodayAndEveryPartIsThere() {
    refusedNaming(draft(ReplyCategory.of("B"), List.of(due(TODAY))), "commitments[0].dueDate");
    refusedNaming(
        draft(ReplyCategory.of("B"), List.of(due(TODAY.plusDays(2)), due(TODAY.minusDays(1)))),
        "commitments[1].dueDate");
    refusedNaming(
        draft(ReplyCategory.of("B"), List.of(new CommitmentInput(null, TODAY.plusDays(1), "x"))),
        "commitments[0].text");
    refusedNaming(
        draft(ReplyCategory.of("B"), List.of(new CommitmentInput("x", TODAY.plusDays(1), " "))),
        "commitments[0].measure");
    refusedNaming(
        draft(ReplyCategory.of("B"), List.of(new CommitmentInput("x", null, "y"))),
        "commitments[0].dueDate");
  }

  @Test
  void theRuleFollowsTheSetInUse() {
    // A/B/C/D: C (列入规划) lists commitments, D (留作参考) lists none
    refusedNaming(draft(ReplyCategory.of("C"), List.of()), ABCD, "commitments");
    assertThatCode(
            () ->
                ReplyDrafting.validate(
                    draft(ReplyCategory.of("C"), List.of(due(TODAY.plusDays(1)))), ABCD, TODAY))
        .doesNotThrowAnyException();
    refusedNaming(
        draft(ReplyCategory.of("D"), List.of(due(TODAY.plusDays(1)))), ABCD, "commitments");
    assertThatCode(
            () -> ReplyDrafting.validate(draft(ReplyCategory.of("D"), List.of()), ABCD, TODAY))
        .doesNotThrowAnyException();
  }

  @Test
  void aCodeOutsideTheSetInUseIsRefusedNamingCategory() {
    refusedNaming(draft(ReplyCategory.of("D"), List.of()), ABC, "category");
    refusedNaming(draft(ReplyCategory.of("E"), List.of()), ABCD, "category");
  }
}
