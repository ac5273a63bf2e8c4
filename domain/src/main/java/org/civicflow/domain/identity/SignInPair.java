package org.civicflow.domain.identity;

import java.time.Instant;

/** The stored sign-in state of one user name from one address (see {@link SignInLockouts}). */
final class SignInPair {

  // Filled by MyBatis from cf_sign_in_pair; no accessors outside this package.
  String usernameKey;
  String address;
  int failures;
  Instant windowStart;
  Instant lockedUntil;
  int lockouts;
  Instant lastSuccessAt;

  SignInPair() {}

  boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
