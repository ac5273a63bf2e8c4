package org.civicflow.engine.imports;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.delegation.Delegations;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.imports.ImportJob;
import org.civicflow.domain.imports.ImportJobs;
import org.civicflow.domain.imports.ImportRowError;
import org.civicflow.domain.imports.ImportStatus;
import org.civicflow.domain.proposal.ProposalRegistration;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background, one at a time per node (a single thread, at most one wake-up
 * waiting). Any node may run any queued job; a job is claimed first, so it runs once.
 *
 * <p>Each row is registered through {@link ProposalIntake} — stored and its process started, like a
 * hand-registered proposal — in its own transaction, together with the job's progress count: a row
 * is registered and counted, or neither. A failing row is counted with its reasons and leaves
 * nothing behind. A job whose runner died (a crash, a killed node) keeps status RUNNING with a
 * heartbeat that stops moving; after {@link ImportJobs#STALE} any node takes it over and resumes at
 * the first row not yet counted. A node that shuts down hands its job back to the queue.
 */
@Component
public class ImportWorker implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);

  private final ImportJobs jobs;
  private final ProposalIntake intake;
  private final ProposalRegistration registration;
  private final SessionCatalog sessions;
  private final Delegations delegations;
  private final UserDirectory users;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String owner = "import-" + UUID.randomUUID().toString().substring(0, 8);
  private final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(1),
          r -> {
            Thread t = new Thread(r, "civicflow-import");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.DiscardPolicy());
  private volatile boolean stopping;

  ImportWorker(
      ImportJobs jobs,
      ProposalIntake intake,
      ProposalRegistration registration,
      SessionCatalog sessions,
      Delegations delegations,
      UserDirectory users,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jobs = jobs;
    this.intake = intake;
    this.registration = registration;
    this.sessions = sessions;
    this.delegations = delegations;
    this.users = users;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Looks for queued jobs now, in the background; a wake-up while one waits is dropped. */
  public void wake() {
    if (!stopping) {
      executor.execute(this::drain);
    }
  }

  /** Housekeeping, every little while on every node: forgets old previews, runs what waits. */
  public void sweep() {
    jobs.purgePreviews(Duration.ofDays(1));
    wake();
  }

  void drain() {
    try {
      while (!stopping) {
        Optional<ImportJob> job = jobs.claimNext(owner);
        if (job.isEmpty()) {
          return;
        }
        run(job.get());
      }
    } catch (RuntimeException e) {
      LOG.error("Import runner stopped", e);
    }
  }

  private void run(ImportJob job) {
    long id = job.id();
    Optional<Caller> caller =
        users
            .find(job.createdBy())
            .filter(u -> u.isEnabled() && u.hasRole(Role.REGISTRAR))
            .map(Caller::of);
    if (caller.isEmpty()) {
      jobs.finish(id, owner, ImportStatus.FAILED, "import.failure.notRegistrar");
      return;
    }
    LOG.info("Import {} ({}) runs from row {} of {}", id, job.fileName(), job.done(), job.total());
    try (SheetRows rows =
        SpreadsheetReader.open(jobs.content(id), SpreadsheetFormat.valueOf(job.fileFormat()))) {
      RowParser parser =
          new RowParser(
              ImportColumns.of(rows.header(), job.defaultSession() != null),
              job.defaultSession(),
              clock.getZone());
      RowValidation validation = new RowValidation(registration, sessions, delegations);
      int index = 0;
      while (rows.hasNext()) {
        SheetRow row = rows.next();
        if (index++ < job.done()) {
          continue; // counted before this runner took over (its rows are registered or reported)
        }
        if (stopping) {
          jobs.release(id, owner);
          return;
        }
        handle(id, validation.check(parser.parse(row)), caller.get());
      }
      jobs.finish(id, owner, ImportStatus.DONE, null);
      LOG.info("Import {} done", id);
    } catch (ImportFileException e) {
      jobs.finish(id, owner, ImportStatus.FAILED, e.messageKey());
    } catch (ConflictException e) {
      LOG.warn("Import {} was taken over by another runner: {}", id, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Import {} failed", id, e);
      jobs.finish(id, owner, ImportStatus.FAILED, "import.failure.unexpected");
    }
  }

  private void handle(long id, RowValidation.Checked checked, Caller caller) {
    int row = checked.row().row();
    if (!checked.ok()) {
      jobs.rowRejected(id, owner, checked.errors());
      return;
    }
    try {
      tx.executeWithoutResult(
          s -> {
            intake.register(checked.input(), caller);
            jobs.rowImported(id, owner);
          });
    } catch (ConflictException e) {
      if ("import.lost".equals(e.messageKey())) {
        throw e;
      }
      jobs.rowRejected(
          id,
          owner,
          List.of(
              new ImportRowError(
                  row,
                  ImportRowError.Kind.DUPLICATE,
                  "number",
                  "import.row.duplicate",
                  checked.input().number())));
    } catch (ValidationException e) {
      jobs.rowRejected(
          id,
          owner,
          e.fieldErrors().entrySet().stream()
              .map(f -> ImportRowError.invalid(row, f.getKey(), f.getValue()))
              .toList());
    } catch (DomainException e) {
      jobs.rowRejected(
          id,
          owner,
          List.of(new ImportRowError(row, ImportRowError.Kind.ERROR, null, e.messageKey(), null)));
    } catch (RuntimeException e) {
      LOG.warn("Import {}: row {} failed", id, row, e);
      jobs.rowRejected(
          id,
          owner,
          List.of(
              new ImportRowError(row, ImportRowError.Kind.ERROR, null, "import.row.failed", null)));
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    executor.shutdown();
    if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }
}
