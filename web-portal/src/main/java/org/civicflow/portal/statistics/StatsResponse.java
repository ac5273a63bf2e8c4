package org.civicflow.portal.statistics;

import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.statistics.CommitmentCounts;
import org.civicflow.domain.statistics.Count;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.KeyItem;
import org.civicflow.domain.statistics.OverdueCommitment;
import org.civicflow.domain.statistics.OverdueItem;
import org.civicflow.domain.statistics.Rate;
import org.civicflow.domain.statistics.RatingCounts;
import org.civicflow.domain.statistics.SessionReport;

/**
 * The body of {@code GET /api/v1/stats}. Rates are {@code {numerator, denominator, percent}} with
 * {@code percent} {@code null} when there is nothing to count; lists of counts are {@code {key,
 * count}} with {@code key} {@code null} for items without a value. The definitions are those of
 * {@link SessionReport}.
 */
record StatsResponse(
    String session,
    long sessionId,
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
    Ratings ratings,
    int overdueCount,
    List<OverdueItem> overdue,
    List<KeyItem> keyItems,
    CommitmentCounts commitments,
    List<OverdueCommitment> overdueCommitments) {

  /** The final ratings of the result and of the work; {@code unrated}: rounds left unanswered. */
  record Ratings(RatingCounts result, RatingCounts work, long unrated) {}

  static StatsResponse of(SessionReport r) {
    return new StatsResponse(
        r.sessionName(),
        r.sessionId(),
        r.asOf(),
        r.total(),
        r.byStatus(),
        r.byCategory(),
        r.byDelegation(),
        r.byReplyCategory(),
        r.byDepartment(),
        r.onTimeRate(),
        r.satisfactionRate(),
        r.workSatisfactionRate(),
        new Ratings(r.resultRatings(), r.workRatings(), r.unrated()),
        r.overdueCount(),
        r.overdue(),
        r.keyItems(),
        r.commitments(),
        r.overdueCommitments());
  }
}
