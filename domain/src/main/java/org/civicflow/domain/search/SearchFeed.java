package org.civicflow.domain.search;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records, in the transaction of a change, that a proposal or a reply must be indexed again. Every
 * node's {@link LocalSearchIndex} polls these rows; this node applies them as soon as the change
 * commits, so whoever made a change finds it at once.
 */
@Service
public class SearchFeed {

  private final SearchSourceMapper source;
  private final LocalSearchIndex index;
  private final Clock clock;

  SearchFeed(SearchSourceMapper source, LocalSearchIndex index, Clock clock) {
    this.source = source;
    this.index = index;
    this.clock = clock;
  }

  /** A proposal was registered or changed (in the change's transaction). */
  @EventListener
  @Transactional
  public void proposalChanged(ProposalChanged change) {
    record(SearchDocuments.PROPOSAL, change.proposalId());
  }

  /**
   * A reply was signed, published, withdrawn or kept off the site (in the change's transaction).
   */
  @EventListener
  @Transactional
  public void replyChanged(ReplyChanged change) {
    record(SearchDocuments.REPLY, change.publicationId());
  }

  private void record(String kind, long id) {
    source.insertFeed(kind, id, clock.instant());
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.getResource(this) == null) {
      TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(SearchFeed.this);
              if (status == STATUS_COMMITTED) {
                index.catchUpNow();
              }
            }
          });
    }
  }
}
