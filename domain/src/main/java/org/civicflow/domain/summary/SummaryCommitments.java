package org.civicflow.domain.summary;

import org.civicflow.domain.statistics.CommitmentCounts;
import org.civicflow.domain.statistics.Rate;

/**
 * The commitments of a session as in the statistics ({@link CommitmentCounts}) with the rate of
 * those kept (承诺兑现率).
 */
public record SummaryCommitments(
    long made, long keptOnTime, long keptLate, long open, long overdue, Rate keptRate) {

  static SummaryCommitments of(CommitmentCounts c) {
    return new SummaryCommitments(
        c.made(), c.keptOnTime(), c.keptLate(), c.open(), c.overdue(), c.keptRate());
  }
}
