package org.civicflow.domain.statistics;

/**
 * One department's figures in a session. Assignments taken away by a re-assignment or ended by a
 * withdrawal are not counted.
 *
 * @param assigned assignments of any role
 * @param replying assignments as lead (主办) or separately handling (分办) department, which reply
 * @param coHandling assignments as co-handling department (协办)
 * @param open assignments still being worked on
 * @param replied replying assignments whose reply has been sent
 * @param onTime see {@link SessionReport#onTimeRate()}
 * @param overdue see {@link SessionReport#overdue()}
 * @param resultRatings the final rating of the result of its replies
 * @param workRatings the final rating of its handling work
 * @param commitments the commitments of its sent replies ({@link CommitmentCounts})
 */
public record DepartmentFigures(
    String code,
    String name,
    long assigned,
    long replying,
    long coHandling,
    long open,
    long replied,
    Rate onTime,
    long overdue,
    RatingCounts workRatings,
    RatingCounts resultRatings,
    CommitmentCounts commitments) {}
