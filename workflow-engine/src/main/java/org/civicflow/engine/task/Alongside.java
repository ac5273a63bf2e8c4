package org.civicflow.engine.task;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Counts an inbox's totals on another connection while the request reads its page, so that an inbox
 * view waits for the slower of the two statements rather than for both (each reads the latest
 * committed rows, as they do one after the other outside a transaction). A few threads of its own;
 * when all are busy the caller counts first itself, as without them.
 */
@Component
class Alongside implements DisposableBean {

  static final int THREADS = 4;

  private final InboxMapper mapper;
  private final ThreadPoolExecutor threads;

  Alongside(InboxMapper mapper) {
    this.mapper = mapper;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            0,
            THREADS,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "inbox-totals-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** The totals, being counted (or, with every thread busy, already counted). */
  CompletableFuture<InboxMapper.Totals> count(
      String user, List<String> groups, InboxFilter filter, Date now, InboxExclusion exclusion) {
    return CompletableFuture.supplyAsync(
        () -> mapper.totals(user, groups, filter, now, exclusion), threads);
  }

  /** The totals, or the exception counting them threw. */
  static InboxMapper.Totals join(CompletableFuture<InboxMapper.Totals> counting) {
    try {
      return counting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public void destroy() {
    threads.shutdownNow();
  }
}
