package org.civicflow.domain.identity;

import java.time.Instant;
import org.civicflow.domain.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit records of sign-in attempts: every interactive sign-in and every refused one (object
 * {@code login}, the typed user name; never a password), with the client address of the request.
 * The counting and locking is {@link SignInLockouts}'.
 *
 * <p>Refused attempts are recorded by the anonymous caller: the typed name is not proven to be the
 * person's. Unknown names are recorded like known ones; the detail says which and why (for the
 * administrator only: the person always sees the same answer).
 */
@Service
public class SignInRecords {

  public static final String ANONYMOUS = "anonymous";
  private static final String OBJECT = "login";

  private final UserMapper users;
  private final AuditLog audit;

  SignInRecords(UserMapper users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  /** A person signed in with the sign-in form: recorded with the address. */
  @Transactional
  public void signedIn(String username) {
    audit.record(username, "login.success", OBJECT, username, null);
  }

  /** A wrong password or an unknown user name, counted as {@code failure}. */
  @Transactional
  public void failed(String username, SignInLockouts.Failure failure) {
    boolean known = username != null && users.findByUsername(username).isPresent();
    String detail = (known ? "" : "unknown account; ") + "failures=" + failure.failures();
    if (failure.lockedUntil() != null) {
      detail += "; address locked until " + failure.lockedUntil();
    }
    audit.recordDenied(ANONYMOUS, "login.failed", OBJECT, username, detail);
  }

  /** An attempt of a locked name and address: refused before the password is checked. */
  public void refusedLocked(String username, Instant lockedUntil) {
    audit.recordDenied(
        ANONYMOUS, "login.locked", OBJECT, username, "address locked until " + lockedUntil);
  }

  /**
   * An attempt from an address not known for the name while the account-wide limit holds, after
   * another attempt took the paced check: refused before the password is checked.
   */
  public void refusedPaced(String username) {
    audit.recordDenied(ANONYMOUS, "login.paced", OBJECT, username, "account-wide limit");
  }

  /** An attempt on a disabled account: refused and counted; the person sees the usual answer. */
  public void refusedDisabled(String username) {
    audit.recordDenied(ANONYMOUS, "login.disabled", OBJECT, username, null);
  }
}
