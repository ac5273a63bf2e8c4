package org.civicflow.domain.audit;

import java.time.Instant;

/**
 * Where the audit chain does not hold, and why.
 *
 * <ul>
 *   <li>{@link Reason#EDITED}: a chained record no longer matches its link (a column changed), or a
 *       record not yet chained no longer matches its entry seal. {@code id} is the record; an
 *       {@code id} of {@code null} means the chain's anchor ({@code cf_audit_chain}) no longer
 *       matches its seal, {@code chainSeq} then is where the chain starts.
 *   <li>{@link Reason#DELETED}: a number of the chain is missing. {@code chainSeq} is the first
 *       missing number; {@code id}, {@code occurredAt} and {@code action} are those of the record
 *       after the gap ({@code null} when the records at the end of the chain are missing).
 *   <li>{@link Reason#INSERTED}: a record the application did not write: one without an entry seal
 *       that the chainer left out, one with a place before the chain's start, or one with a made-up
 *       place after the chain's head whose link is not valid.
 *   <li>{@link Reason#UNKNOWN_KEY}: a link or seal made with a key this node does not hold ({@code
 *       keyId}): this node cannot tell; it is not evidence of tampering.
 * </ul>
 */
public record ChainBreak(
    Long chainSeq, Long id, Reason reason, Instant occurredAt, String action, String keyId) {

  /** Why the chain does not hold at a record. */
  public enum Reason {
    EDITED("edited"),
    DELETED("deleted"),
    INSERTED("inserted"),
    UNKNOWN_KEY("unknownKey");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** The name in the API and the stored results. */
    public String code() {
      return code;
    }

    public static Reason ofCode(String code) {
      for (Reason r : values()) {
        if (r.code.equals(code)) {
          return r;
        }
      }
      throw new IllegalArgumentException("no reason " + code);
    }
  }

  static ChainBreak at(AuditRow r, Reason reason, String keyId) {
    return new ChainBreak(r.chainSeq(), r.id(), reason, r.occurredAt(), r.action(), keyId);
  }

  /** Whether this is evidence of tampering (everything but an unknown key). */
  public boolean tampering() {
    return reason != Reason.UNKNOWN_KEY;
  }

  /** The same finding as {@code other} (reason and place), for logging a finding once. */
  public boolean sameAs(ChainBreak other) {
    return other != null
        && reason == other.reason
        && java.util.Objects.equals(chainSeq, other.chainSeq)
        && java.util.Objects.equals(id, other.id);
  }
}
