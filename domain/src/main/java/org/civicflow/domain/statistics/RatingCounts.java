package org.civicflow.domain.statistics;

/**
 * How the proposers rated one side of the handling (the work, or the result): the final rating of
 * each department's reply.
 */
public record RatingCounts(long satisfied, long basicallySatisfied, long unsatisfied) {

  static final RatingCounts NONE = new RatingCounts(0, 0, 0);

  /** All ratings given. */
  public long total() {
    return satisfied + basicallySatisfied + unsatisfied;
  }

  /** 满意率: satisfied or basically satisfied, out of all ratings given. */
  public Rate rate() {
    return Rate.of(satisfied + basicallySatisfied, total());
  }

  RatingCounts plus(RatingCounts other) {
    return new RatingCounts(
        satisfied + other.satisfied,
        basicallySatisfied + other.basicallySatisfied,
        unsatisfied + other.unsatisfied);
  }
}
