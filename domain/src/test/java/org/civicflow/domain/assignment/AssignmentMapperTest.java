package org.civicflow.domain.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.civicflow.domain.MapperTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AssignmentMapperTest extends MapperTestBase {

  @Autowired AssignmentMapper assignments;

  private Assignment assign(AssignmentRole role) {
    Assignment a =
        new Assignment(
            proposal.getId(),
            department.code(),
            role,
            LocalDate.of(2022, 3, 30),
            LocalDate.of(2022, 1, 7),
            "registrar",
            Instant.parse("2021-12-30T02:00:00Z"));
    assignments.insert(a);
    return a;
  }

  @Test
  void storesAndReadsAnAssignment() {
    Assignment a = assign(AssignmentRole.LEAD);
    Assignment found = assignments.findById(a.getId()).orElseThrow();
    assertThat(found.getRole()).isEqualTo(AssignmentRole.LEAD);
    assertThat(found.getState()).isEqualTo(AssignmentState.AWAITING_SIGN_FOR);
    assertThat(found.getDueDate()).isEqualTo(LocalDate.of(2022, 3, 30));
    assertThat(found.getSignForDueDate()).isEqualTo(LocalDate.of(2022, 1, 7));
    assertThat(found.getAssignedAt()).isEqualTo(Instant.parse("2021-12-30T02:00:00Z"));
  }

  @Test
  void updatesWithTheVersion() {
    Assignment a = assign(AssignmentRole.LEAD);
    a.signFor("scjg.handler", Instant.parse("2022-01-04T01:00:00Z"));
    assertThat(assignments.update(a)).isEqualTo(1);
    // a stale copy (version 0) no longer matches
    Assignment stale = assignments.findById(a.getId()).orElseThrow();
    assertThat(stale.getVersion()).isEqualTo(1);
    assertThat(assignments.update(a)).isZero();

    assertThat(stale.getState()).isEqualTo(AssignmentState.SIGNED_FOR);
    assertThat(stale.getSignedForBy()).isEqualTo("scjg.handler");

    stale.complete(Instant.parse("2022-06-10T01:00:00Z"));
    assertThat(assignments.update(stale)).isEqualTo(1);
    assertThat(assignments.findByProposal(proposal.getId()))
        .singleElement()
        .extracting(Assignment::getState)
        .isEqualTo(AssignmentState.COMPLETED);
  }
}
