package org.civicflow.portal.security;

import org.civicflow.domain.audit.AuditContext;
import org.civicflow.domain.identity.SignInRecords;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;

/**
 * Turns Spring Security's sign-in events — of the sign-in form and of HTTP Basic on the API alike —
 * into lock-out counts, throttling and audit records ({@link SignInRecords}).
 *
 * <p>A sign-in with the form is audited as {@code login.success}. An API client with HTTP Basic
 * authenticates on every request: that only resets the failure count (and only when there were
 * failures), it is not audited — the client's actions are.
 */
class SignInEvents {

  private final SignInRecords records;
  private final SignInThrottle throttle;
  private final int lockAfter;

  SignInEvents(SignInRecords records, SignInThrottle throttle, int lockAfter) {
    this.records = records;
    this.throttle = throttle;
    this.lockAfter = lockAfter;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    String username = event.getAuthentication().getName();
    throttle.succeeded(key(username));
    if (!(event.getAuthentication().getPrincipal() instanceof CivicPrincipal p)
        || p.hadFailures()) {
      records.resetFailures(username);
    }
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    records.signedIn(event.getAuthentication().getName());
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String username = event.getAuthentication().getName();
    throttle.failed(key(username));
    if (event instanceof AuthenticationFailureLockedEvent) {
      records.refusedLocked(username);
    } else if (event instanceof AuthenticationFailureDisabledEvent) {
      records.refusedDisabled(username);
    } else {
      records.failed(username, lockAfter);
    }
  }

  private static String key(String username) {
    return SignInThrottle.key(username, AuditContext.remoteAddress());
  }
}
