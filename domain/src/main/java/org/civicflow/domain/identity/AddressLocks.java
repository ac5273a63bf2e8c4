package org.civicflow.domain.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in lockouts of {@link SignInLockouts} as the administrator sees them — the addresses
 * locked now for each account, until when — and lifts them early; and the deletion of lockout state
 * that no rule looks at any more.
 */
public class AddressLocks {

  private final SignInLockMapper mapper;
  private final LockoutPolicy policy;
  private final Clock clock;

  AddressLocks(SignInLockMapper mapper, LockoutPolicy policy, Clock clock) {
    this.mapper = mapper;
    this.policy = policy;
    this.clock = clock;
  }

  /** The addresses locked now for each account, ordered by user name and address. */
  public List<AddressLock> activeLocks() {
    return mapper.findActiveLocks(now(), null);
  }

  /** The addresses locked now for one account. */
  public List<AddressLock> activeLocks(String username) {
    return mapper.findActiveLocks(now(), SignInLockouts.key(username));
  }

  /**
   * Lifts every lock of an account and its account-wide count (an administrator's early unlock).
   *
   * @return the addresses that were locked
   */
  @Transactional
  public List<AddressLock> unlock(String username) {
    List<AddressLock> locked = activeLocks(username);
    mapper.unlockPairs(SignInLockouts.key(username), now());
    mapper.deleteAccount(SignInLockouts.key(username));
    return locked;
  }

  /** Deletes the state that no rule looks at any more; returns how many rows went. */
  @Transactional
  public int purge() {
    Instant now = now();
    Duration keep = policy.knownAddressFor();
    Duration lockouts = policy.lockoutMemory().plus(policy.lockoutMax());
    if (lockouts.compareTo(keep) > 0) {
      keep = lockouts;
    }
    if (policy.lockoutWindow().compareTo(keep) > 0) {
      keep = policy.lockoutWindow();
    }
    return mapper.deleteStalePairs(now.minus(keep), now)
        + mapper.deleteStaleAccounts(now.minus(policy.accountWindow().plus(policy.accountPace())));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
