package org.civicflow.domain.publication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Read counts (阅读) without a database write on the reader's request: views are counted in memory
 * and added to the stored count in batches by {@link #flush()} (every 10 s, and when the
 * application shuts down), so nodes sharing the database add up; the same visitor reloading a page
 * within the window counts once (per node).
 */
@Service
public class ReadCounter {

  private static final Logger LOG = LoggerFactory.getLogger(ReadCounter.class);
  static final Duration REPEAT_WINDOW = Duration.ofMinutes(30);

  private final PublicationMapper publications;
  private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
  private final Map<Long, LongAdder> flushed = new ConcurrentHashMap<>();
  private final Cache<String, Boolean> recent =
      Caffeine.newBuilder().expireAfterWrite(REPEAT_WINDOW).maximumSize(200_000).build();

  ReadCounter(PublicationMapper publications) {
    this.publications = publications;
  }

  /**
   * Counts a view of a reply by a visitor (an opaque key such as a hash of address and browser),
   * unless the same visitor viewed it within the window.
   */
  public void viewed(long replyId, String visitor) {
    if (recent.asMap().putIfAbsent(replyId + "|" + visitor, Boolean.TRUE) == null) {
      pending.computeIfAbsent(replyId, id -> new LongAdder()).increment();
    }
  }

  /** The count to show: what was stored when the reply was read, plus what was added since. */
  public long count(VerifiedReply reply) {
    return reply.storedReadCount() + sum(flushed, reply.id()) + sum(pending, reply.id());
  }

  /** Writes the counted views to the database; returns how many. */
  public long flush() {
    long written = 0;
    for (Long id : pending.keySet()) {
      LongAdder adder = pending.get(id);
      long n = adder == null ? 0 : adder.sumThenReset();
      if (n > 0) {
        try {
          publications.addReads(id, n);
        } catch (RuntimeException e) {
          // not written: keep them for the next flush
          pending.computeIfAbsent(id, x -> new LongAdder()).add(n);
          throw e;
        }
        flushed.computeIfAbsent(id, x -> new LongAdder()).add(n);
        written += n;
      }
    }
    return written;
  }

  /** Views counted since the last flush are written before the application stops. */
  @PreDestroy
  void flushOnShutdown() {
    long n = flush();
    if (n > 0) {
      LOG.info("Wrote {} counted views on shutdown", n);
    }
  }

  /** What this node has written for a reply so far: taken before the reply is read again. */
  public long flushedSoFar(long replyId) {
    return sum(flushed, replyId);
  }

  /**
   * The reply was read again from the database: its stored count includes what this node had
   * written before the read ({@code flushedBefore}, from {@link #flushedSoFar}).
   */
  public void reloaded(long replyId, long flushedBefore) {
    if (flushedBefore != 0) {
      flushed.computeIfAbsent(replyId, x -> new LongAdder()).add(-flushedBefore);
    }
  }

  private static long sum(Map<Long, LongAdder> map, long id) {
    LongAdder a = map.get(id);
    return a == null ? 0 : a.sum();
  }
}
