package org.civicflow.portal.publicsite;

import org.civicflow.domain.publication.IntegrityGuard;
import org.civicflow.domain.publication.ReadCounter;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The public site's background work: writing read counts, re-checking published records. */
@Configuration
@EnableScheduling
class PublicSiteSchedules {

  private final ReadCounter reads;
  private final IntegrityGuard guard;

  PublicSiteSchedules(ReadCounter reads, IntegrityGuard guard) {
    this.reads = reads;
    this.guard = guard;
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
