package org.civicflow.domain.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the chain in order, a page at a time, for the verification. Up to the head seen at the
 * start, pages are ranges of numbers ({@code size} numbers each, fewer records where some are
 * missing), read ahead by {@code readers} threads while the caller checks the pages before — the
 * database, the driver's decoding and the MACs run side by side. After the head, pages are read by
 * key from where the ranges ended: records chained meanwhile, or given a made-up number there.
 * Holds at most {@code readers + 1} pages: the memory does not grow with the chain.
 */
final class AuditChainPages implements AutoCloseable {

  private final AuditChainMapper chain;
  private final long head;
  private final int size;
  private final ExecutorService readers;
  private final Deque<Future<List<AuditRow>>> ahead = new ArrayDeque<>();
  private long nextRange;
  private long tailFrom = -1;

  /**
   * @param readers threads that read ahead; 0 reads in the caller's thread (inside a transaction:
   *     other threads would not see what it wrote)
   */
  AuditChainPages(AuditChainMapper chain, long from, long head, int size, int readers) {
    this.chain = chain;
    this.head = head;
    this.size = size;
    this.nextRange = from;
    this.readers =
        readers == 0
            ? null
            : Executors.newFixedThreadPool(
                readers,
                r -> {
                  Thread t = new Thread(r, "audit-chain-reader");
                  t.setDaemon(true);
                  return t;
                });
    for (int i = 0; i <= readers; i++) {
      readAhead();
    }
  }

  private void readAhead() {
    if (nextRange > head) {
      return;
    }
    long from = nextRange;
    long to = from + size;
    nextRange = to;
    ahead.add(
        readers == null
            ? CompletableFuture.completedFuture(chain.chainRange(from, to))
            : readers.submit(() -> chain.chainRange(from, to)));
  }

  /** The next page that holds records, in chain order; {@code null} at the end. */
  List<AuditRow> next() {
    while (!ahead.isEmpty()) {
      List<AuditRow> page = join(ahead.poll());
      readAhead();
      if (!page.isEmpty()) {
        return page;
      }
    }
    if (tailFrom == -2) {
      return null;
    }
    List<AuditRow> tail = chain.chainFrom(tailFrom < 0 ? nextRange : tailFrom, size);
    tailFrom = tail.size() < size ? -2 : tail.get(tail.size() - 1).chainSeq() + 1;
    return tail.isEmpty() ? null : tail;
  }

  private static List<AuditRow> join(Future<List<AuditRow>> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the audit chain", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (readers != null) {
      readers.shutdownNow();
    }
  }
}
