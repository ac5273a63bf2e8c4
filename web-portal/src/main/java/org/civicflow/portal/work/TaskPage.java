package org.civicflow.portal.work;

import java.util.List;
import java.util.Map;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.reply.TextDiff;
import org.civicflow.engine.proposal.ProposalDetail;
import org.civicflow.engine.task.TaskView;

/**
 * Everything a task page shows.
 *
 * @param drafts the drafts of the task's department, newest first
 * @param diff what changed since the version this reviewer (or leader) returned, or since the
 *     previous version; {@code null} when there is nothing to compare
 * @param publicText the text as it will be published (contact details removed), for sign-off
 * @param values the form's values: what was submitted, or the prefill
 * @param commitment the commitment a follow-up step is about, else {@code null}
 */
public record TaskPage(
    TaskView task,
    ProposalDetail proposal,
    List<ProposalDetail.DraftView> drafts,
    DraftComparison diff,
    String publicText,
    List<Department> departments,
    Map<String, Object> values,
    Map<String, String> errors,
    ProposalDetail.CommitmentView commitment) {

  /** A diff between two versions of a draft. */
  public record DraftComparison(
      int fromVersion,
      int toVersion,
      boolean sinceReturn,
      List<TextDiff.Segment> segments,
      List<TextDiff.Segment> commitmentSegments) {

    /** Whether the commitments changed between the two versions. */
    public boolean commitmentsChanged() {
      return commitmentSegments.stream().anyMatch(s -> s.op() != TextDiff.Op.EQUAL);
    }
  }

  public String key() {
    return task.key();
  }
}
