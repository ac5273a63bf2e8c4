package org.civicflow.portal.search;

import org.civicflow.domain.search.SearchFeedPruning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes the search index's change feed every ten minutes on every node ({@code
 * civicflow.search.feed-prune-interval}); the deletes are idempotent, so the nodes need not agree
 * on who does it.
 */
@Component
class SearchFeedSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(SearchFeedSchedule.class);

  private final SearchFeedPruning pruning;

  SearchFeedSchedule(SearchFeedPruning pruning) {
    this.pruning = pruning;
  }

  @Scheduled(
      fixedDelayString = "${civicflow.search.feed-prune-interval:PT10M}",
      initialDelayString = "${civicflow.search.feed-prune-initial-delay:PT5M}")
  void prune() {
    try {
      pruning.prune();
    } catch (RuntimeException e) {
      LOG.warn("search feed: old rows could not be deleted; trying again later", e);
    }
  }
}
