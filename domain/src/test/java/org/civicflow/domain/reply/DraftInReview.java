package org.civicflow.domain.reply;

import java.time.Instant;
import java.time.LocalDate;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentMapper;
import org.civicflow.domain.assignment.AssignmentRole;
import org.civicflow.domain.assignment.HandlingStage;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.proposal.Proposal;

/**
 * A department's first draft, written by {@code ann}, awaiting review: stored with its assignment.
 */
final class DraftInReview {

  private DraftInReview() {}

  static ReplyDraft store(
      Proposal proposal,
      Department department,
      AssignmentMapper assignments,
      ReplyDraftMapper drafts) {
    Assignment a =
        new Assignment(
            proposal.getId(),
            department.code(),
            AssignmentRole.LEAD,
            LocalDate.of(2022, 3, 30),
            LocalDate.of(2022, 1, 7),
            "registrar",
            Instant.parse("2021-12-30T02:00:00Z"));
    assignments.insert(a);
    a.signFor("ann", Instant.parse("2022-01-04T01:00:00Z"));
    a.advanceTo(HandlingStage.IN_REVIEW);
    assignments.update(a);
    ReplyDraft v1 =
        new ReplyDraft(
            proposal.getId(),
            department.code(),
            1,
            1,
            new DraftInput(
                "金淼代表:答复。",
                ReplyCategory.of("B"),
                ContactMethod.NONE,
                null,
                Disclosure.PUBLIC,
                null),
            "ann",
            Instant.parse("2022-05-01T01:00:00Z"));
    drafts.insert(v1);
    return v1;
  }
}
