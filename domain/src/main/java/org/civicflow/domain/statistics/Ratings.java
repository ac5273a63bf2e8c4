package org.civicflow.domain.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.feedback.Rating;

/** The final ratings of a session, per department and in all. */
final class Ratings {

  private final Map<String, RatingCounts> work = new HashMap<>();
  private final Map<String, RatingCounts> result = new HashMap<>();
  private long unrated;

  private Ratings() {}

  static Ratings of(List<StatisticsRows.RatingRow> rows) {
    Ratings r = new Ratings();
    for (StatisticsRows.RatingRow row : rows) {
      if (row.resultRating == null) {
        r.unrated += row.n;
        continue;
      }
      r.work.merge(row.department, one(row.workRating, row.n), RatingCounts::plus);
      r.result.merge(row.department, one(row.resultRating, row.n), RatingCounts::plus);
    }
    return r;
  }

  private static RatingCounts one(String rating, long n) {
    if (rating == null) {
      return RatingCounts.NONE;
    }
    return switch (Rating.valueOf(rating)) {
      case SATISFIED -> new RatingCounts(n, 0, 0);
      case BASICALLY_SATISFIED -> new RatingCounts(0, n, 0);
      case UNSATISFIED -> new RatingCounts(0, 0, n);
    };
  }

  RatingCounts work(String department) {
    return work.getOrDefault(department, RatingCounts.NONE);
  }

  RatingCounts result(String department) {
    return result.getOrDefault(department, RatingCounts.NONE);
  }

  RatingCounts work() {
    return work.values().stream().reduce(RatingCounts.NONE, RatingCounts::plus);
  }

  RatingCounts result() {
    return result.values().stream().reduce(RatingCounts.NONE, RatingCounts::plus);
  }

  long unrated() {
    return unrated;
  }
}
