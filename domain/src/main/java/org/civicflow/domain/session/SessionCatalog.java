package org.civicflow.domain.session;

import java.util.List;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The congress sessions. */
@Service
public class SessionCatalog {

  private final SessionMapper sessions;

  SessionCatalog(SessionMapper sessions) {
    this.sessions = sessions;
  }

  @Transactional(readOnly = true)
  public List<Session> all() {
    return sessions.findAll();
  }

  @Transactional(readOnly = true)
  public Session get(long id) {
    return sessions.findById(id).orElseThrow(() -> new NotFoundException("session", id));
  }

  @Transactional(readOnly = true)
  public java.util.Optional<Session> findByName(String name) {
    return name == null ? java.util.Optional.empty() : sessions.findByName(name.strip());
  }

  /** The session an administrator marked as the current one (当前届次), if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<Session> current() {
    return sessions.findCurrent();
  }

  /** Opens a new session; names are unique. */
  @Transactional
  public Session create(Session session) {
    new FieldErrors()
        .required("name", session.name())
        .maxLength("name", session.name(), FieldErrors.SHORT_TEXT)
        .required("kind", session.kind())
        .throwIfAny();
    if (sessions.findByName(session.name().strip()).isPresent()) {
      throw new ConflictException("session.duplicate", session.name());
    }
    SessionMapper.SessionRow row =
        new SessionMapper.SessionRow(
            new Session(
                null, session.name().strip(), session.kind(), session.opensOn(), session.active()));
    sessions.insert(row);
    return new Session(row.getId(), row.getName(), row.getKind(), row.getOpensOn(), row.isActive());
  }
}
