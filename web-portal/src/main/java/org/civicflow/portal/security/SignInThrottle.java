package org.civicflow.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins of one user name from one
 * address within {@code window}, further attempts of that pair are refused without checking the
 * password until the oldest of those failures is older than the window (so at most {@code
 * maxFailures} guesses per window and pair). A success clears the pair.
 *
 * <p>The failures are kept in this node's memory only: with two nodes a client may get twice the
 * guesses, and a restart forgets them. That is acceptable because the lock-out after {@code
 * civicflow.security.lock-after} failures in a row is counted in the database and holds across
 * nodes. The map is bounded: pairs whose failures are all older than the window are dropped.
 */
class SignInThrottle {

  private static final int MAX_PAIRS = 50_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  SignInThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  static String key(String username, String address) {
    return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
  }

  /** How long the pair must wait before its next attempt; zero when it may try now. */
  Duration retryAfter(String key) {
    Deque<Instant> recent = failures.get(key);
    if (recent == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    synchronized (recent) {
      prune(recent, now);
      if (recent.size() < maxFailures) {
        return Duration.ZERO;
      }
      return Duration.between(now, recent.peekFirst().plus(window));
    }
  }

  void failed(String key) {
    Instant now = clock.instant();
    if (failures.size() > MAX_PAIRS) {
      failures.entrySet().removeIf(e -> stale(e.getValue(), now));
    }
    Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent, now);
      recent.addLast(now);
      while (recent.size() > maxFailures) {
        recent.removeFirst();
      }
    }
  }

  void succeeded(String key) {
    failures.remove(key);
  }

  private void prune(Deque<Instant> recent, Instant now) {
    while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
      recent.removeFirst();
    }
  }

  private boolean stale(Deque<Instant> recent, Instant now) {
    synchronized (recent) {
      prune(recent, now);
      return recent.isEmpty();
    }
  }
}
