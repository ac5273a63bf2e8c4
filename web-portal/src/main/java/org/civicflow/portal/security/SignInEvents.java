package org.civicflow.portal.security;

import org.civicflow.domain.identity.SignInRecords;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;

/**
 * A sign-in with the form is audited as {@code login.success}. An API client with HTTP Basic
 * authenticates on every request: that is not audited — the client's actions are. Refusals are
 * audited where they are decided ({@link LockoutAuthenticationProvider}).
 */
class SignInEvents {

  private final SignInRecords records;

  SignInEvents(SignInRecords records) {
    this.records = records;
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    records.signedIn(event.getAuthentication().getName());
  }
}
