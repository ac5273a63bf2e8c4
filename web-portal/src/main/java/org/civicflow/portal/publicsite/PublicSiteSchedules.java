package org.civicflow.portal.publicsite;

import org.civicflow.domain.publication.IntegrityGuard;
import org.civicflow.domain.publication.ReadCounter;
import org.civicflow.domain.search.SearchIndexMerge;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The public site's background work: writing read counts, re-checking published records, merging
 * newly published replies into the search bitmaps.
 */
@Configuration
@EnableScheduling
class PublicSiteSchedules {

  private final ReadCounter reads;
  private final IntegrityGuard guard;
  private final SearchIndexMerge searchIndex;

  PublicSiteSchedules(ReadCounter reads, IntegrityGuard guard, SearchIndexMerge searchIndex) {
    this.reads = reads;
    this.guard = guard;
    this.searchIndex = searchIndex;
  }

  /**
   * Searches find a reply as soon as it is published (they read the pending rows too); the merge
   * only keeps the pending rows few, rewriting each key's bitmap once for all of them.
   */
  @Scheduled(fixedDelayString = "${civicflow.search.merge-interval:PT30S}")
  void mergeSearchIndex() {
    searchIndex.mergePending();
  }

  @Scheduled(fixedDelayString = "${civicflow.reads.flush-interval:PT10S}")
  void flushReads() {
    reads.flush();
  }

  @Scheduled(
      fixedDelayString = "${civicflow.integrity.sweep-interval:PT2M}",
      initialDelayString = "${civicflow.integrity.sweep-initial-delay:PT30S}")
  void recheckPublishedReplies() {
    guard.sweep();
  }
}
