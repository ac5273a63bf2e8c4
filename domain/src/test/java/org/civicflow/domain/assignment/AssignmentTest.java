package org.civicflow.domain.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.civicflow.domain.common.ConflictException;
import org.junit.jupiter.api.Test;

class AssignmentTest {

  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  private Assignment assignment() {
    return new Assignment(
        1L,
        "SCJG",
        AssignmentRole.LEAD,
        LocalDate.of(2027, 3, 1),
        LocalDate.of(2026, 12, 7),
        "registrar",
        NOW);
  }

  @Test
  void reassignmentCanBeAskedWithinTheWindowOnly() {
    Assignment inTime = assignment();
    inTime.requestReassignment("不属于本单位职责", LocalDate.of(2026, 12, 7));
    assertThat(inTime.getState()).isEqualTo(AssignmentState.REASSIGNMENT_REQUESTED);

    Assignment late = assignment();
    assertThatThrownBy(() -> late.requestReassignment("太晚了", LocalDate.of(2026, 12, 8)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("assignment.reassignmentWindowClosed");
    assertThat(late.getState()).isEqualTo(AssignmentState.AWAITING_SIGN_FOR);
  }

  @Test
  void refusedRequestMeansTheDepartmentHandlesIt() {
    Assignment a = assignment();
    a.requestReassignment("理由", LocalDate.of(2026, 12, 1));
    a.signFor("registrar", NOW);
    assertThat(a.getState()).isEqualTo(AssignmentState.SIGNED_FOR);
  }

  @Test
  void extensionMovesTheDeadlineAndClearsOverdue() {
    Assignment a = assignment();
    a.signFor("h", NOW);
    a.markOverdue(LocalDate.of(2027, 3, 2));
    assertThat(a.isOverdue(LocalDate.of(2027, 3, 2))).isTrue();
    a.extendTo(LocalDate.of(2027, 6, 1));
    assertThat(a.getExtensionCount()).isEqualTo(1);
    assertThat(a.isOverdue(LocalDate.of(2027, 3, 2))).isFalse();
    assertThatThrownBy(() -> a.extendTo(LocalDate.of(2027, 5, 1)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void completedIsNeverOverdueAndCannotBeSignedAgain() {
    Assignment a = assignment();
    a.signFor("h", NOW);
    a.complete(NOW);
    assertThat(a.isOverdue(LocalDate.of(2030, 1, 1))).isFalse();
    assertThatThrownBy(() -> a.signFor("h", NOW)).isInstanceOf(ConflictException.class);
  }
}
