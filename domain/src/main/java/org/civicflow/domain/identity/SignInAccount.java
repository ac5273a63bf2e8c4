package org.civicflow.domain.identity;

import java.time.Instant;

/** The stored account-wide failure count of one user name (see {@link SignInLockouts}). */
final class SignInAccount {

  // Filled by MyBatis from cf_sign_in_account.
  String usernameKey;
  int failures;
  Instant windowStart;
  Instant nextCheckAt;

  SignInAccount() {}
}
