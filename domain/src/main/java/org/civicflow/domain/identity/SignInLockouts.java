package org.civicflow.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins slow down and lock the pair of typed user name and client address they come from
 * — for a while, never until an administrator acts, and never the account for everyone. The state
 * is in the shared database, so every node sees the same locks.
 *
 * <ul>
 *   <li>{@link LockoutPolicy#lockoutAfter} failures of a pair within the window lock it for {@link
 *       LockoutPolicy#lockoutDuration}; a lockout that follows the end of the pair's previous one
 *       within {@link LockoutPolicy#lockoutMemory} lasts twice as long as that one, up to {@link
 *       LockoutPolicy#lockoutMax}. While locked, attempts of the pair are refused without checking
 *       the password and do not extend the lock. A success clears the pair.
 *   <li>Spraying from many addresses: once a name has {@link LockoutPolicy#accountFailures}
 *       failures from any addresses within {@link LockoutPolicy#accountWindow}, attempts from
 *       addresses that have not signed in to it within {@link LockoutPolicy#knownAddressFor} get
 *       one password check per {@link LockoutPolicy#accountPace} between them all; the others are
 *       refused unchecked. Known addresses — where the person usually signs in — are not affected.
 * </ul>
 *
 * <p>Typed names are tracked whether an account has them or not, so that the behaviour reveals
 * nothing about which names exist. Times are whole seconds (the MySQL connection sends no
 * fractions), so a lock ends at most its length after the failure that set it.
 *
 * <p>What the administrator sees and lifts, and the purge of old state: {@link AddressLocks}.
 *
 * <p>Cost on the path of every HTTP Basic request: one primary-key read of the pair; a success
 * writes only when the pair has something to clear or its known-address mark is an hour old.
 */
public class SignInLockouts {

  /** What to do with an attempt, decided before the password is checked. */
  public enum Verdict {
    /** Check the password. */
    CHECK,
    /** The pair is locked: refuse without checking. */
    LOCKED,
    /** The account-wide limit holds and another attempt took the check: refuse unchecked. */
    PACED
  }

  /**
   * An attempt on its way: the verdict, and what was read to reach it (so that a success needs no
   * second read).
   *
   * @param lockedUntil when the pair's lock ends ({@link Verdict#LOCKED}), otherwise {@code null}
   */
  public record Attempt(
      String key, String address, Verdict verdict, Instant lockedUntil, SignInPair read) {

    /** Never shows the stored state. */
    @Override
    public String toString() {
      return "Attempt[" + key + " from " + address + ": " + verdict + "]";
    }
  }

  /**
   * A counted failure.
   *
   * @param failures the pair's failures in its window (0 once it locked)
   * @param lockedUntil when the lock set by this failure ends; {@code null} when none was set
   */
  public record Failure(int failures, Instant lockedUntil) {}

  static final int MAX_KEY = 64;
  private static final Duration SUCCESS_REFRESH = Duration.ofHours(1);

  private final SignInLockMapper mapper;
  private final LockoutPolicy policy;
  private final Clock clock;

  SignInLockouts(SignInLockMapper mapper, LockoutPolicy policy, Clock clock) {
    this.mapper = mapper;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The key of a typed user name: stripped and lower-case, as accounts are named; a name longer
   * than any account's is replaced by its hash (with a {@code #} no account name has).
   */
  public static String key(String typed) {
    String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "#" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String address(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    return address.length() > 64 ? address.substring(0, 64) : address;
  }

  /** Decides, before the password is checked, whether this attempt may check it. */
  public Attempt begin(String typedName, String clientAddress) {
    String key = key(typedName);
    String address = address(clientAddress);
    Instant now = now();
    SignInPair pair = mapper.findPair(key, address);
    if (pair != null && pair.lockedAt(now)) {
      return new Attempt(key, address, Verdict.LOCKED, pair.lockedUntil, pair);
    }
    if (pair != null && known(pair, now)) {
      return new Attempt(key, address, Verdict.CHECK, null, pair);
    }
    SignInAccount account = mapper.findAccount(key);
    if (account == null
        || !account.windowStart.plus(policy.accountWindow()).isAfter(now)
        || account.failures < policy.accountFailures()) {
      return new Attempt(key, address, Verdict.CHECK, null, pair);
    }
    boolean claimed = mapper.claimCheck(key, now, now.plus(policy.accountPace())) == 1;
    return new Attempt(key, address, claimed ? Verdict.CHECK : Verdict.PACED, null, pair);
  }

  /** A checked attempt failed: counted for the pair (which may lock) and for the name. */
  @Transactional
  public Failure failed(Attempt attempt) {
    Instant now = now();
    mapper.ensurePair(attempt.key(), attempt.address(), now);
    SignInPair pair = mapper.lockPair(attempt.key(), attempt.address());
    Failure failure;
    if (pair.lockedAt(now)) {
      // another node locked the pair meanwhile: this attempt does not extend the lock
      failure = new Failure(0, null);
    } else {
      if (pair.windowStart == null || !pair.windowStart.plus(policy.lockoutWindow()).isAfter(now)) {
        pair.failures = 1;
        pair.windowStart = now;
      } else {
        pair.failures++;
      }
      Instant lockedUntil = null;
      if (pair.failures >= policy.lockoutAfter()) {
        boolean again =
            pair.lockedUntil != null && pair.lockedUntil.plus(policy.lockoutMemory()).isAfter(now);
        pair.lockouts = again ? pair.lockouts + 1 : 1;
        lockedUntil = now.plus(policy.lockoutLength(pair.lockouts));
        pair.lockedUntil = lockedUntil;
        pair.failures = 0;
        pair.windowStart = null;
      }
      mapper.updatePair(pair, now);
      failure = new Failure(pair.failures, lockedUntil);
    }
    mapper.ensureAccount(attempt.key(), now);
    SignInAccount account = mapper.lockAccount(attempt.key());
    if (!account.windowStart.plus(policy.accountWindow()).isAfter(now)) {
      account.failures = 1;
      account.windowStart = now;
    } else {
      account.failures++;
    }
    mapper.updateAccount(account, now);
    return failure;
  }

  /**
   * A checked attempt succeeded: the pair's failures and lockouts are cleared and the address is
   * known for the name. Writes only when there is something to change.
   */
  @Transactional
  public void succeeded(Attempt attempt) {
    SignInPair read = attempt.read();
    Instant now = now();
    if (read != null
        && read.failures == 0
        && read.lockouts == 0
        && read.lockedUntil == null
        && read.lastSuccessAt != null
        && read.lastSuccessAt.plus(SUCCESS_REFRESH).isAfter(now)) {
      return;
    }
    mapper.ensurePair(attempt.key(), attempt.address(), now);
    SignInPair pair = mapper.lockPair(attempt.key(), attempt.address());
    pair.failures = 0;
    pair.windowStart = null;
    pair.lockedUntil = null;
    pair.lockouts = 0;
    pair.lastSuccessAt = now;
    mapper.updatePair(pair, now);
  }

  private boolean known(SignInPair pair, Instant now) {
    return pair.lastSuccessAt != null
        && pair.lastSuccessAt.plus(policy.knownAddressFor()).isAfter(now);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
