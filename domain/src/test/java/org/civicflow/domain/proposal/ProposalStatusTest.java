package org.civicflow.domain.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicflow.domain.proposal.ProposalStatus.*;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalStatusTest {

  private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

  @Test
  void theNormalLifecycleIsLegal() {
    List<ProposalStatus> path =
        List.of(
            REGISTERED,
            ASSIGNING,
            HANDLING,
            IN_REVIEW,
            HANDLING,
            IN_REVIEW,
            REPLIED,
            AWAITING_FEEDBACK,
            REHANDLING,
            IN_REVIEW,
            REPLIED,
            AWAITING_FEEDBACK,
            CLOSED);
    for (int i = 1; i < path.size(); i++) {
      assertThat(path.get(i - 1).canMoveTo(path.get(i)))
          .as("%s -> %s", path.get(i - 1), path.get(i))
          .isTrue();
    }
  }

  @Test
  void illegalMovesAreRefused() {
    assertThat(REGISTERED.canMoveTo(REPLIED)).isFalse();
    assertThat(CLOSED.canMoveTo(HANDLING)).isFalse();
    assertThat(REFUSED.canMoveTo(ASSIGNING)).isFalse();
    assertThat(AWAITING_FEEDBACK.canMoveTo(IN_REVIEW)).isFalse();
    assertThat(HANDLING.canMoveTo(CLOSED)).isFalse();
  }

  @Test
  void withdrawalOnlyBeforeTheReply() {
    assertThat(List.of(REGISTERED, ASSIGNING, HANDLING, IN_REVIEW))
        .allMatch(ProposalStatus::isWithdrawable);
    assertThat(List.of(REPLIED, AWAITING_FEEDBACK, REHANDLING, CLOSED, REFUSED, MERGED, WITHDRAWN))
        .noneMatch(ProposalStatus::isWithdrawable);
  }

  @Test
  void finalStatusesHaveNoWayOut() {
    assertThat(List.of(REFUSED, MERGED, CLOSED, WITHDRAWN)).allMatch(ProposalStatus::isFinal);
    assertThat(List.of(REGISTERED, HANDLING, REPLIED)).noneMatch(ProposalStatus::isFinal);
  }

  @Test
  void proposalRefusesAnIllegalMoveAndKeepsItsStatus() {
    Proposal p = ProposalFixtures.registered();
    assertThatThrownBy(() -> p.moveTo(REPLIED, null, NOW))
        .isInstanceOf(IllegalStatusMoveException.class)
        .hasMessageContaining("proposal.illegalStatusMove");
    assertThat(p.getStatus()).isEqualTo(REGISTERED);
    p.moveTo(REFUSED, "个人事务", NOW);
    assertThat(p.getStatus()).isEqualTo(REFUSED);
    assertThat(p.getStatusReason()).isEqualTo("个人事务");
  }

  @Test
  void mergeRecordsTheTarget() {
    Proposal p = ProposalFixtures.registered();
    p.mergeInto(42L, "同题并案", NOW);
    assertThat(p.getStatus()).isEqualTo(MERGED);
    assertThat(p.getMergedIntoId()).isEqualTo(42L);
  }
}
