package org.civicflow.domain.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * The statistics of one session as of one day, read live from the records.
 *
 * @param asOf the day the figures are for (deadlines are compared with it)
 * @param total all proposals registered in the session
 * @param byStatus proposals per status, every status in handling order (zeros included)
 * @param byCategory proposals per category of their subject (the category given at registration)
 * @param byDelegation proposals per delegation or sector (代表团 / 界别)
 * @param byReplyCategory replies per result category, keyed by code: the latest sent reply of each
 *     replying department; every category of the set in use (zeros included, in its order), then
 *     any other code a reply was signed with (the code as signed, never rewritten)
 * @param byDepartment the departments that have assignments in the session, in their order
 * @param onTimeRate 按时办结率, counted per replying assignment (lead or separately handling department;
 *     co-handling departments send opinions, not replies): out of the assignments that were replied
 *     to or whose deadline has passed, those whose first reply was sent on or before the deadline
 *     in force that day (an approved extension counts; the second round after an unsatisfied rating
 *     does not undo a first reply in time). An assignment past its deadline without a reply counts
 *     as not on time.
 * @param satisfactionRate 满意率 by the rating of the result, the rating the handling rules act on (an
 *     unsatisfied result is handled again): satisfied or basically satisfied, out of the final
 *     ratings given — per replying department, the rating of its latest round; a round the proposer
 *     let pass without answering counts as none
 * @param workSatisfactionRate the same by the rating of the handling work
 * @param workRatings the final ratings of the handling work
 * @param resultRatings the final ratings of the result
 * @param unrated replies whose latest round the proposer let pass without a rating
 * @param overdue departments still working past their deadline (not yet replied in the current
 *     round), longest overdue first
 * @param keyItems proposals marked as key items, by number
 * @param commitments the commitments of the session's sent replies ({@link CommitmentCounts})
 * @param overdueCommitments commitments whose date passed without fulfilment, longest overdue
 *     first: on the supervision list beside {@code overdue}
 */
public record SessionReport(
    long sessionId,
    String sessionName,
    LocalDate asOf,
    long total,
    List<Count> byStatus,
    List<Count> byCategory,
    List<Count> byDelegation,
    List<Count> byReplyCategory,
    List<DepartmentFigures> byDepartment,
    Rate onTimeRate,
    Rate satisfactionRate,
    Rate workSatisfactionRate,
    RatingCounts workRatings,
    RatingCounts resultRatings,
    long unrated,
    List<OverdueItem> overdue,
    List<KeyItem> keyItems,
    CommitmentCounts commitments,
    List<OverdueCommitment> overdueCommitments) {

  public SessionReport {
    byStatus = List.copyOf(byStatus);
    byCategory = List.copyOf(byCategory);
    byDelegation = List.copyOf(byDelegation);
    byReplyCategory = List.copyOf(byReplyCategory);
    byDepartment = List.copyOf(byDepartment);
    overdue = List.copyOf(overdue);
    keyItems = List.copyOf(keyItems);
    overdueCommitments = List.copyOf(overdueCommitments);
  }

  /** How many departments are past their deadline. */
  public int overdueCount() {
    return overdue.size();
  }
}
