package org.civicflow.domain.common;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A node's copy of data that is read on almost every step and changes a few times a year (the
 * departments, the holiday calendar): read again once it is older than its freshness, or at once
 * when this node changed the data ({@link #forgetAfterCompletion}). A change made on another node
 * of a cluster is thus seen within the freshness.
 *
 * @param <T> the copy, immutable
 */
public final class FreshCopy<T> {

  private record Entry<T>(T value, long readAt) {}

  private final Supplier<T> reader;
  private final long freshForNanos;
  private volatile Entry<T> copy;

  public FreshCopy(Duration freshFor, Supplier<T> reader) {
    this.reader = reader;
    this.freshForNanos = freshFor.toNanos();
  }

  /** The copy, read again if it is missing or no longer fresh. */
  public T get() {
    Entry<T> e = copy;
    return e != null && System.nanoTime() - e.readAt() < freshForNanos ? e.value() : read();
  }

  /** Reads the data now and keeps it. */
  public T read() {
    T value = reader.get();
    copy = new Entry<>(value, System.nanoTime());
    return value;
  }

  /**
   * This node changed the data: read it again now (the changing transaction sees its change) and
   * once more when that transaction has ended (a rollback leaves no trace in the copy).
   */
  public void forgetAfterCompletion() {
    copy = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              copy = null;
            }
          });
    }
  }
}
