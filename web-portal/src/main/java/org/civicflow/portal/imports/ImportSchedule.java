package org.civicflow.portal.imports;

import org.civicflow.engine.imports.ImportWorker;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every little while on every node: runs queued imports (also those handed back by a node that
 * stopped, or left by one that died) and forgets previews never started.
 */
@Component
class ImportSchedule {

  private final ImportWorker worker;

  ImportSchedule(ImportWorker worker) {
    this.worker = worker;
  }

  @Scheduled(
      fixedDelayString = "${civicflow.imports.sweep-interval:PT30S}",
      initialDelayString = "${civicflow.imports.sweep-initial-delay:PT10S}")
  void sweep() {
    worker.sweep();
  }
}
