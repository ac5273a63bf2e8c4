package org.civicflow.domain.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with congress sessions: open them, correct name, kind and opening
 * date, take them out of use, and mark the current one. Every change is in the audit log.
 */
@Service
public class SessionAdministration {

  /**
   * The changeable part of a session; the whole of it is replaced.
   *
   * @param active whether the session is in use; the current session must be
   */
  public record Edit(String name, SessionKind kind, LocalDate opensOn, boolean active) {}

  private final SessionCatalog catalog;
  private final SessionMapper sessions;
  private final AuditLog audit;

  SessionAdministration(SessionCatalog catalog, SessionMapper sessions, AuditLog audit) {
    this.catalog = catalog;
    this.sessions = sessions;
    this.audit = audit;
  }

  /** Opens a session (name unique), optionally as the current one. */
  @Transactional
  public Session create(Edit input, boolean current, String actor) {
    if (current && !input.active()) {
      throw ValidationException.of("active", "validation.session.currentMustBeActive");
    }
    Session created =
        catalog.create(
            new Session(null, input.name(), input.kind(), input.opensOn(), input.active()));
    audit.record(
        actor,
        "session.create",
        "session",
        String.valueOf(created.id()),
        "name=" + created.name() + "; kind=" + created.kind() + "; opensOn=" + created.opensOn());
    if (current) {
      markCurrent(created.id(), actor);
    }
    return created;
  }

  /** Replaces name, kind, opening date and use of a session; records what changed. */
  @Transactional
  public Session update(long id, Edit edit, String actor) {
    Session current = catalog.get(id);
    new FieldErrors()
        .required("name", edit.name())
        .maxLength("name", edit.name(), FieldErrors.SHORT_TEXT)
        .required("kind", edit.kind())
        .check(edit.active() || !isCurrent(id), "active", "validation.session.currentMustBeActive")
        .throwIfAny();
    String name = edit.name().strip();
    if (sessions.findByName(name).filter(s -> s.id() != id).isPresent()) {
      throw new ConflictException("session.duplicate", name);
    }
    Session changed = new Session(id, name, edit.kind(), edit.opensOn(), edit.active());
    List<String> changes = new ArrayList<>();
    diff(changes, "name", current.name(), changed.name());
    diff(changes, "kind", current.kind(), changed.kind());
    diff(changes, "opensOn", current.opensOn(), changed.opensOn());
    diff(changes, "active", current.active(), changed.active());
    if (changes.isEmpty()) {
      return current;
    }
    sessions.update(id, changed.name(), changed.kind(), changed.opensOn(), changed.active());
    audit.record(
        actor, "session.update", "session", String.valueOf(id), String.join("; ", changes));
    return changed;
  }

  /** Makes a session (in use) the current one; the previous current one no longer is. */
  @Transactional
  public void markCurrent(long id, String actor) {
    Session session = catalog.get(id);
    if (!session.active()) {
      throw ValidationException.of("active", "validation.session.currentMustBeActive");
    }
    String previous = catalog.current().map(s -> s.name()).orElse(null);
    if (session.name().equals(previous)) {
      return;
    }
    sessions.markCurrent(id);
    audit.record(
        actor, "session.markCurrent", "session", String.valueOf(id), "previous=" + previous);
  }

  private boolean isCurrent(long id) {
    return catalog.current().filter(s -> s.id() == id).isPresent();
  }

  private static void diff(List<String> changes, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(field + ": " + before + " → " + after);
    }
  }
}
