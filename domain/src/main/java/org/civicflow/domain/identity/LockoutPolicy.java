package org.civicflow.domain.identity;

import java.time.Duration;

/**
 * The numbers of {@link SignInLockouts}, from the {@code civicflow.security.*} settings (see {@link
 * LockoutSettings} for names and defaults).
 *
 * @param lockoutAfter failures of one name from one address, within {@code lockoutWindow}, that
 *     lock the pair
 * @param lockoutWindow the window in which those failures are counted (from the first one)
 * @param lockoutDuration how long the first lockout lasts
 * @param lockoutMax the longest lockout: each lockout that follows the end of the one before within
 *     {@code lockoutMemory} lasts twice as long, up to this
 * @param lockoutMemory how long a pair remembers its last lockout
 * @param accountFailures failures of one name from any addresses, within {@code accountWindow},
 *     after which attempts from addresses not known for the name are paced
 * @param accountWindow the window of the account-wide count
 * @param accountPace at most one password check per name per this interval from unknown addresses
 *     while the account-wide limit holds
 * @param knownAddressFor how long an address counts as known for a name after a successful sign-in
 *     of that name from it
 */
public record LockoutPolicy(
    int lockoutAfter,
    Duration lockoutWindow,
    Duration lockoutDuration,
    Duration lockoutMax,
    Duration lockoutMemory,
    int accountFailures,
    Duration accountWindow,
    Duration accountPace,
    Duration knownAddressFor) {

  public LockoutPolicy {
    positive("lockout-window", lockoutWindow);
    positive("lockout-duration", lockoutDuration);
    positive("lockout-max", lockoutMax);
    positive("lockout-memory", lockoutMemory);
    positive("account-limit.window", accountWindow);
    positive("account-limit.pace", accountPace);
    positive("account-limit.known-address-for", knownAddressFor);
    if (lockoutAfter < 1 || accountFailures < 1) {
      throw new IllegalStateException(
          "civicflow.security.lockout-after and civicflow.security.account-limit.failures must be"
              + " at least 1");
    }
    if (lockoutMax.compareTo(lockoutDuration) < 0) {
      throw new IllegalStateException(
          "civicflow.security.lockout-max must not be shorter than"
              + " civicflow.security.lockout-duration");
    }
  }

  /**
   * How long the {@code n}-th lockout in a row lasts (1 = the first): doubled each time, capped.
   */
  Duration lockoutLength(int n) {
    Duration length = lockoutDuration;
    for (int i = 1; i < n && length.compareTo(lockoutMax) < 0; i++) {
      length = length.multipliedBy(2);
    }
    return length.compareTo(lockoutMax) > 0 ? lockoutMax : length;
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalStateException(
          "civicflow.security." + name + " must be a positive ISO-8601 duration, e.g. PT15M");
    }
  }
}
