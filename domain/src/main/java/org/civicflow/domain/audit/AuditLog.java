package org.civicflow.domain.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit events, each with its entry seal ({@link AuditEntrySeal}; the {@link AuditChainer}
 * chains them afterwards). Successful actions are recorded in the caller's transaction (they exist
 * only if the action happened): they are kept with the transaction and written together, in the
 * order they were made, just before it commits — one statement instead of one per record (a task
 * completion records three to five). Refusals are written at once in their own transaction (they
 * must survive the rollback of the refused action).
 */
@Service
public class AuditLog {

  public static final String OK = "OK";
  public static final String DENIED = "DENIED";
  private static final int MAX_DETAIL = 4000;

  /**
   * Records per insert statement: bounds the statement's size and the number of distinct texts
   * (each row count is a statement the database prepares).
   */
  static final int ROWS_PER_STATEMENT = 16;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);

  private final AuditMapper events;
  private final AuditEntrySeal entries;
  private final org.springframework.beans.factory.ObjectProvider<
          org.civicflow.domain.integrity.UnknownSealKeys>
      unknownKeys;
  private final Clock clock;
  private final TransactionTemplate separately;

  AuditLog(
      AuditMapper events,
      AuditEntrySeal entries,
      org.springframework.beans.factory.ObjectProvider<
              org.civicflow.domain.integrity.UnknownSealKeys>
          unknownKeys,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.events = events;
    this.entries = entries;
    this.unknownKeys = unknownKeys;
    this.clock = clock;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Records an action that succeeded, as part of the current transaction: the record is written
   * when the transaction commits, and never if it rolls back.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String actor, String action, String objectType, String objectId, String detail) {
    if (notStored(actor, action, objectType, objectId)) {
      return;
    }
    pending().add(entries.seal(event(actor, action, objectType, objectId, OK, detail)));
  }

  /**
   * A node that lacks a seal key the stored records use is out of service: whatever it sealed with
   * its own key, the other nodes could not verify — an audit record of it would make them meet an
   * unknown key and stop too. It serves only the public pages (which record nothing); anything it
   * would record goes to its log instead.
   */
  private boolean notStored(String actor, String action, String objectType, String objectId) {
    org.civicflow.domain.integrity.UnknownSealKeys unknown = unknownKeys.getIfAvailable();
    if (unknown == null || !unknown.any()) {
      return false;
    }
    LOG.warn(
        "Audit record not stored, this node lacks a seal key in use and is out of service: {} {}"
            + " {}/{}",
        actor,
        action,
        objectType,
        objectId);
    return true;
  }

  /**
   * The records of the current transaction. They belong to its synchronization, which Spring
   * suspends with the transaction: a transaction begun inside it (REQUIRES_NEW) has its own.
   */
  private List<AuditEntry> pending() {
    Pending current = current();
    if (current == null) {
      current = new Pending(this);
      TransactionSynchronizationManager.registerSynchronization(current);
    }
    return current.records;
  }

  private Pending current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Pending p && p.log == this) {
        return p;
      }
    }
    return null;
  }

  /** Writes the current transaction's records now (in it), before a read or a refusal. */
  private void writePending() {
    Pending current = current();
    if (current != null) {
      current.write();
    }
  }

  /** Writes the records of one transaction just before it commits. */
  private static final class Pending implements TransactionSynchronization {
    private final AuditLog log;
    private final List<AuditEntry> records = new ArrayList<>();

    Pending(AuditLog log) {
      this.log = log;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write();
    }

    void write() {
      for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
        log.events.insertAll(
            records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT)));
      }
      records.clear();
    }

    @Override
    public int getOrder() {
      // before MyBatis' and the connection's own synchronizations end the transaction's session
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  /**
   * Records a refused action at once in a transaction of its own, whatever happens to the caller's
   * transaction; what the caller's transaction recorded before is written first, so that the log
   * keeps the order in which things happened.
   */
  public void recordDenied(
      String actor, String action, String objectType, String objectId, String detail) {
    writePending();
    if (notStored(actor, action, objectType, objectId)) {
      return;
    }
    AuditEntry denied = entries.seal(event(actor, action, objectType, objectId, DENIED, detail));
    separately.executeWithoutResult(status -> events.insert(denied));
  }

  /**
   * Records summaries of refusals, written apart from the requests they count (the portal's tally
   * of anonymous refusals per address and minute): at once, in a transaction of their own, with
   * their own time and address; the result is {@link #DENIED} whatever the records say.
   */
  public void recordDeniedSummaries(List<AuditEvent> summaries) {
    if (summaries.isEmpty()
        || notStored("system", summaries.get(0).action(), "address", summaries.size() + " rows")) {
      return;
    }
    List<AuditEntry> records =
        summaries.stream()
            .map(
                e ->
                    new AuditEvent(
                        null,
                        e.occurredAt(),
                        cut(e.actor() == null ? "system" : e.actor(), 64),
                        cut(e.action(), 64),
                        cut(e.objectType(), 32),
                        cut(e.objectId(), 64),
                        DENIED,
                        cut(e.detail(), MAX_DETAIL),
                        cut(e.remoteAddress(), 64)))
            .map(entries::seal)
            .toList();
    separately.executeWithoutResult(
        status -> {
          for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
            events.insertAll(
                records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT)));
          }
        });
  }

  /** The records of an object, oldest first, including those of the current transaction. */
  @Transactional(readOnly = true)
  public List<AuditEvent> forObject(String objectType, String objectId) {
    writePending();
    return events.findByObject(objectType, objectId);
  }

  /** The latest records, newest first, including those of the current transaction. */
  @Transactional(readOnly = true)
  public List<AuditEvent> recent(int limit) {
    writePending();
    return events.findRecent(Math.min(Math.max(limit, 1), 500));
  }

  private AuditEvent event(
      String actor,
      String action,
      String objectType,
      String objectId,
      String result,
      String detail) {
    // cut to the column sizes: a long path or typed user name must not make the record fail; the
    // time to the second, as the database keeps it and the entry seal covers it
    return new AuditEvent(
        null,
        clock.instant().truncatedTo(ChronoUnit.SECONDS),
        cut(actor == null ? "system" : actor, 64),
        cut(action, 64),
        cut(objectType, 32),
        cut(objectId, 64),
        result,
        cut(detail, MAX_DETAIL),
        cut(AuditContext.remoteAddress(), 64));
  }

  private static String cut(String s, int max) {
    return s != null && s.length() > max ? s.substring(0, max) : s;
  }
}
