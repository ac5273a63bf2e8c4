package org.civicflow.domain.search;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Keeps the change feed ({@code cf_search_feed}) short: rows older than {@code
 * civicflow.search.feed-retention} (24 hours by default, at least {@value #MINIMUM_MINUTES}
 * minutes) are deleted. Every running node polls the feed every second, so such a row has long been
 * applied everywhere; a node that starts later builds its index from the tables, never from the
 * feed; and a node that has not read the feed for half the retention builds its index anew too
 * ({@link LocalSearchIndex}), so a row deleted is never one a node still needs.
 *
 * <p>Every node runs the pruning (scheduled in the portal); the deletes are idempotent and go by
 * ranges of the primary key in batches, each committed on its own: two nodes at once delete the
 * same rows once, and neither holds many locks for long.
 */
@Service
public class SearchFeedPruning {

  static final int MINIMUM_MINUTES = 10;
  static final int BATCH = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(SearchFeedPruning.class);

  private final SearchFeedPruneMapper feed;
  private final Clock clock;
  private final Duration retention;

  SearchFeedPruning(
      SearchFeedPruneMapper feed,
      Clock clock,
      @Value("${civicflow.search.feed-retention:PT24H}") Duration retention) {
    if (retention.compareTo(Duration.ofMinutes(MINIMUM_MINUTES)) < 0) {
      throw new IllegalStateException(
          "civicflow.search.feed-retention is "
              + retention
              + " but must be at least "
              + MINIMUM_MINUTES
              + " minutes: every node must have read a row before it goes");
    }
    this.feed = feed;
    this.clock = clock;
    this.retention = retention;
  }

  public Duration retention() {
    return retention;
  }

  /** Deletes the feed rows older than the retention; returns how many. */
  public int prune() {
    Long upTo = feed.lastSeqBefore(clock.instant().minus(retention));
    if (upTo == null) {
      return 0;
    }
    int total = 0;
    for (Long from = feed.firstSeq(); from != null && from <= upTo; from = feed.firstSeq()) {
      total += feed.deleteUpTo(Math.min(upTo, from + BATCH - 1));
    }
    if (total > 0) {
      LOG.info("search feed: deleted {} rows older than {}", total, retention);
    }
    return total;
  }
}
