package org.civicflow.domain.identity;

import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an account on each sign-in attempt: failures in a row are counted and lock the
 * account at the limit (an administrator unlocks it), a success resets the count, and every
 * interactive sign-in and every refused one is in the audit log (object {@code login}, the typed
 * user name; never a password), with the client address of the request.
 *
 * <p>Refused attempts are recorded by the anonymous caller: the typed name is not proven to be the
 * person's. Unknown names are recorded like known ones (the detail says which, for the
 * administrator only; the person sees the same answer).
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

  /** A sign-in with the right password (form or HTTP Basic): the failure count starts again. */
  @Transactional
  public void resetFailures(String username) {
    users.resetFailedLogins(username);
  }

  /**
   * A wrong password (or unknown user name): counted, and the account is locked at {@code
   * lockAfter} failures in a row.
   *
   * @return whether the account is locked now
   */
  @Transactional
  public boolean failed(String username, int lockAfter) {
    Optional<User> before = username == null ? Optional.empty() : users.findByUsername(username);
    if (before.isEmpty()) {
      audit.recordDenied(ANONYMOUS, "login.failed", OBJECT, username, "unknown account");
      return false;
    }
    users.recordFailedLogin(username, lockAfter);
    User after = users.findByUsername(username).orElseThrow();
    String detail = "failedLogins=" + after.getFailedLogins();
    if (after.isLocked() && !before.get().isLocked()) {
      detail += "; account locked";
    }
    audit.recordDenied(ANONYMOUS, "login.failed", OBJECT, username, detail);
    return after.isLocked();
  }

  /** An attempt on a locked account: refused before the password is checked, not counted. */
  public void refusedLocked(String username) {
    audit.recordDenied(ANONYMOUS, "login.locked", OBJECT, username, null);
  }

  /** An attempt on a disabled account: refused, not counted; the person sees the usual answer. */
  public void refusedDisabled(String username) {
    audit.recordDenied(ANONYMOUS, "login.disabled", OBJECT, username, null);
  }

  /** Too many recent failures of this name from this address: refused without checking. */
  public void refusedThrottled(String username) {
    audit.recordDenied(ANONYMOUS, "login.throttled", OBJECT, username, null);
  }
}
