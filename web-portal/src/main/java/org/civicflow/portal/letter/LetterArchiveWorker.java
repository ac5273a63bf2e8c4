package org.civicflow.portal.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.letter.LetterArchive;
import org.civicflow.domain.letter.LetterArchiveEntry;
import org.civicflow.domain.letter.LetterArchiveStatus;
import org.civicflow.domain.letter.LetterArchives;
import org.civicflow.domain.signoff.ReplySigning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the downloads of a session's letters in the background, off the web threads: one job at a
 * time per node (a single dispatching thread, at most one wake-up waiting), its letters made by a
 * small fixed pool ({@code civicflow.letters.archive.threads}, default 2), never two of the same
 * department at once ({@link DepartmentTurns}). Any node may run any queued job; a job is claimed
 * first, so it runs once. A letter not yet made is made exactly as at its first download ({@link
 * PdfLetters#issued}: the next document number, signed, stored); one already stored is only
 * counted. A job whose runner died is taken over after {@link LetterArchives#STALE} and resumes
 * with the replies not yet counted; a node that shuts down hands its job back to the queue.
 */
@Component
class LetterArchiveWorker implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(LetterArchiveWorker.class);

  private final LetterArchives archives;
  private final ReplySigning signing;
  private final LetterContents contents;
  private final PdfLetters letters;
  private final UserDirectory users;
  private final int threads;
  private final String owner = "letters-" + UUID.randomUUID().toString().substring(0, 8);
  private final ThreadPoolExecutor dispatcher =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(1),
          daemon("civicflow-letter-archive"),
          new ThreadPoolExecutor.DiscardPolicy());
  private final ExecutorService makers;
  private volatile boolean stopping;

  LetterArchiveWorker(
      LetterArchives archives,
      ReplySigning signing,
      LetterContents contents,
      PdfLetters letters,
      UserDirectory users,
      @Value("${civicflow.letters.archive.threads:2}") int threads) {
    this.archives = archives;
    this.signing = signing;
    this.contents = contents;
    this.letters = letters;
    this.users = users;
    this.threads = Math.max(1, threads);
    this.makers = Executors.newFixedThreadPool(this.threads, daemon("civicflow-letter-maker"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Looks for queued jobs now, in the background; a wake-up while one waits is dropped. */
  void wake() {
    if (!stopping) {
      dispatcher.execute(this::drain);
    }
  }

  /** Housekeeping, every little while on every node: removes expired jobs, runs what waits. */
  void sweep() {
    int removed = archives.purgeExpired();
    if (removed > 0) {
      LOG.info("Removed {} expired letter downloads", removed);
    }
    wake();
  }

  void drain() {
    try {
      while (!stopping) {
        Optional<LetterArchive> job = archives.claimNext(owner);
        if (job.isEmpty()) {
          return;
        }
        run(job.get());
      }
    } catch (RuntimeException e) {
      LOG.error("Letter download runner stopped", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(LetterArchive job) throws InterruptedException {
    long id = job.id();
    boolean registrar =
        users
            .find(job.createdBy())
            .filter(u -> u.isEnabled() && u.hasRole(Role.REGISTRAR))
            .isPresent();
    if (!registrar) {
      archives.finish(id, owner, LetterArchiveStatus.FAILED);
      return;
    }
    List<LetterArchiveEntry> pending = archives.pending(id);
    LOG.info("Letter download {}: {} of {} letters to handle", id, pending.size(), job.total());
    DepartmentTurns turns = new DepartmentTurns(pending);
    AtomicBoolean lost = new AtomicBoolean();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      running.add(makers.submit(() -> makeAll(id, turns, lost)));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        LOG.error("Letter download {}: a letter thread failed", id, e.getCause());
        lost.set(true);
      }
    }
    if (lost.get()) {
      LOG.warn("Letter download {} was taken over by another runner", id);
    } else if (stopping) {
      archives.release(id, owner);
    } else {
      archives.finish(id, owner, LetterArchiveStatus.DONE);
      LOG.info("Letter download {} done", id);
    }
  }

  private Void makeAll(long id, DepartmentTurns turns, AtomicBoolean lost)
      throws InterruptedException {
    Optional<LetterArchiveEntry> next;
    while (!stopping && !lost.get() && (next = turns.next()).isPresent()) {
      LetterArchiveEntry e = next.get();
      try {
        handle(id, e);
      } catch (ConflictException lostJob) {
        lost.set(true);
        turns.stop();
      } finally {
        turns.done(e);
      }
    }
    turns.stop();
    return null;
  }

  /**
   * Makes (or finds) one reply's letter and counts it; a letter that cannot be made is counted
   * failed.
   */
  private void handle(long id, LetterArchiveEntry e) {
    String failure;
    try {
      letters.issued(contents.of(signing.signedReply(e.proposalId(), e.publicationId())));
      archives.letterStored(id, owner, e.publicationId());
      return;
    } catch (DomainException problem) {
      if ("letter.archive.lost".equals(problem.messageKey())) {
        throw problem;
      }
      failure = problem.messageKey();
    } catch (RuntimeException problem) {
      LOG.warn("Letter download {}: the letter of reply {} failed", id, e.publicationId(), problem);
      failure = "letter.archive.letterFailed";
    }
    archives.letterFailed(id, owner, e.publicationId(), failure);
  }

  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    dispatcher.shutdown();
    makers.shutdown();
    if (!dispatcher.awaitTermination(30, TimeUnit.SECONDS)) {
      dispatcher.shutdownNow();
      makers.shutdownNow();
    }
  }
}
