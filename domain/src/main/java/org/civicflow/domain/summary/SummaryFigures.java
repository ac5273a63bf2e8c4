package org.civicflow.domain.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.KeyItem;
import org.civicflow.domain.statistics.Rate;
import org.civicflow.domain.statistics.SessionReport;

/**
 * The figures of a handling summary, with the names of {@code GET /api/v1/stats} ({@link
 * SessionReport} defines them) and the new ones.
 *
 * @param byType proposals per type (建议 / 提案) with their share of {@code total}
 * @param byReplyCategory the latest sent reply of each replying department per result category,
 *     with its share of all of them; the categories are those of the statistics
 * @param replyRate 办复率: replying assignments (lead or separate) whose reply was sent, out of all
 * @param meetingRate 见面率: replies whose handler met or visited the proposer, out of the replies
 *     counted in {@code byReplyCategory}
 * @param satisfactionRate 满意率 at the final rating of the result (as in the statistics)
 * @param firstSatisfactionRate the same at the first rating of each reply
 * @param commitments the commitments made and kept, with 承诺兑现率
 * @param items per figure (its name; {@code name.key} for a count of a list, {@code
 *     name.denominator} for what a rate is out of), the items it counts
 */
public record SummaryFigures(
    String session,
    long sessionId,
    LocalDate asOf,
    long total,
    List<Share> byType,
    List<Share> byReplyCategory,
    List<DepartmentFigures> byDepartment,
    Rate replyRate,
    Rate onTimeRate,
    Rate meetingRate,
    Rate satisfactionRate,
    Rate firstSatisfactionRate,
    Rate workSatisfactionRate,
    SummaryCommitments commitments,
    List<KeyItem> keyItems,
    Map<String, List<SummaryItem>> items) {}
