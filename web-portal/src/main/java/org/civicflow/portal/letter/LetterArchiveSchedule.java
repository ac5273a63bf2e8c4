package org.civicflow.portal.letter;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every little while on every node: runs queued downloads of a session's letters (also those handed
 * back by a node that stopped, or left by one that died) and removes expired ones.
 */
@Component
class LetterArchiveSchedule {

  private final LetterArchiveWorker worker;

  LetterArchiveSchedule(LetterArchiveWorker worker) {
    this.worker = worker;
  }

  @Scheduled(
      fixedDelayString = "${civicflow.letters.archive.sweep-interval:PT30S}",
      initialDelayString = "${civicflow.letters.archive.sweep-initial-delay:PT15S}")
  void sweep() {
    worker.sweep();
  }
}
