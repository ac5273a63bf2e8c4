package org.civicflow.domain.session;

import java.time.LocalDate;

/**
 * A congress session (会议届次).
 *
 * @param name the full name, e.g. 市九届人大一次会议; unique
 * @param opensOn the first day of the session, if known
 */
public record Session(Long id, String name, SessionKind kind, LocalDate opensOn, boolean active) {

  /** A new session, not yet stored. */
  public static Session of(String name, SessionKind kind, LocalDate opensOn) {
    return new Session(null, name, kind, opensOn, true);
  }
}
