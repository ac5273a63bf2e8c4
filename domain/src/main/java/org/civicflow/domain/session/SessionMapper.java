package org.civicflow.domain.session;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of congress sessions. */
@Mapper
public interface SessionMapper {

  Optional<Session> findById(@Param("id") long id);

  Optional<Session> findByName(@Param("name") String name);

  List<Session> findAll();

  int insert(SessionRow row);

  int update(
      @Param("id") long id,
      @Param("name") String name,
      @Param("kind") SessionKind kind,
      @Param("opensOn") java.time.LocalDate opensOn,
      @Param("active") boolean active);

  /** The session marked as the current one, if any. */
  Optional<Session> findCurrent();

  /** Marks one session as the current one and every other as not current. */
  int markCurrent(@Param("id") long id);

  /** The insertable form of a session; receives the generated id. */
  final class SessionRow {
    Long id;
    final String name;
    final SessionKind kind;
    final java.time.LocalDate opensOn;
    final boolean active;

    public SessionRow(Session s) {
      this.name = s.name();
      this.kind = s.kind();
      this.opensOn = s.opensOn();
      this.active = s.active();
    }

    public Long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public SessionKind getKind() {
      return kind;
    }

    public java.time.LocalDate getOpensOn() {
      return opensOn;
    }

    public boolean isActive() {
      return active;
    }
  }
}
