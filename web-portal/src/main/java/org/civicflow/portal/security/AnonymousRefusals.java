package org.civicflow.portal.security;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.identity.SignInRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refusals (401 and 403) of callers who are not signed in, summarised in the audit log: one record
 * per client address and minute — action {@value #ACTION}, object the address, the count by status
 * and a few of the refused requests in the detail — instead of one record per request, so that a
 * flood of unauthenticated requests can neither fill the audit table nor keep the database busy
 * writing it. Refusals of signed-in users stay one record each ({@link DeniedAccessAudit}).
 *
 * <p>The tallies live in this node's memory, bounded: at most {@value #MAX_ADDRESSES} addresses
 * have a tally of their own, any further ones share one (address {@value #OTHERS}). A minute is
 * written once it is over (a second into the next one) and what is left at shutdown. Each node
 * tallies and writes the requests it served, so behind a load balancer one address may have one
 * record per node and minute; together they count every refusal. A node killed outright loses the
 * tallies of at most its last minute.
 */
@Component
class AnonymousRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(AnonymousRefusals.class);

  static final String ACTION = "http.anonymousRefusals";
  static final String OBJECT = "address";

  /** Addresses with a tally of their own; the rest share one. */
  static final int MAX_ADDRESSES = 1000;

  /** The address of the shared tally. */
  static final String OTHERS = "*";

  /** Refused requests quoted per record (distinct method, path and status). */
  static final int SAMPLES = 5;

  private static final int SAMPLE_PATH = 120;

  private record Key(String address, long minute) {}

  /** One address's refusals in one minute; changed only inside the map's {@code compute}. */
  private static final class Tally {
    long unauthorized;
    long forbidden;
    final Set<String> samples = new LinkedHashSet<>();

    void add(String method, String path, int status) {
      if (status == 401) {
        unauthorized++;
      } else {
        forbidden++;
      }
      if (samples.size() < SAMPLES) {
        String p = path.length() > SAMPLE_PATH ? path.substring(0, SAMPLE_PATH) + "…" : path;
        samples.add(method + " " + p + " " + status);
      }
    }
  }

  private final ConcurrentHashMap<Key, Tally> tallies = new ConcurrentHashMap<>();
  private final AuditLog audit;
  private final Clock clock;

  AnonymousRefusals(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /** Counts a refused request of someone not signed in. */
  void refused(String address, String method, String path, int status) {
    long minute = Math.floorDiv(clock.millis(), 60_000L);
    Key own = new Key(address == null ? "unknown" : address, minute);
    Key key = tallies.size() >= MAX_ADDRESSES && !tallies.containsKey(own) ? others(minute) : own;
    tallies.compute(
        key,
        (k, tally) -> {
          Tally t = tally == null ? new Tally() : tally;
          t.add(method, path, status);
          return t;
        });
  }

  private static Key others(long minute) {
    return new Key(OTHERS, minute);
  }

  /** Writes the minutes that are over, a second into each minute. */
  @Scheduled(cron = "1 * * * * *")
  void writeFinishedMinutes() {
    write(Math.floorDiv(clock.millis(), 60_000L));
  }

  /** Writes every tally, the current minute's too (at shutdown, and for tests). */
  @PreDestroy
  int writeAll() {
    return write(Long.MAX_VALUE);
  }

  /** Writes (and forgets) the tallies of the minutes before {@code beforeMinute}. */
  private int write(long beforeMinute) {
    List<AuditEvent> records = new ArrayList<>();
    for (Key key : List.copyOf(tallies.keySet())) {
      if (key.minute() < beforeMinute) {
        // removed whole: a refusal counted after this goes to a new tally, written later
        Tally t = tallies.remove(key);
        if (t != null) {
          records.add(record(key, t));
        }
      }
    }
    if (records.isEmpty()) {
      return 0;
    }
    try {
      audit.recordDeniedSummaries(records);
    } catch (RuntimeException e) {
      LOG.error("Could not record {} summaries of anonymous refusals", records.size(), e);
    }
    return records.size();
  }

  private static AuditEvent record(Key key, Tally t) {
    Instant minute = Instant.ofEpochMilli(key.minute() * 60_000L);
    String detail =
        "count="
            + (t.unauthorized + t.forbidden)
            + " status401="
            + t.unauthorized
            + " status403="
            + t.forbidden
            + " minute="
            + minute
            + " e.g. "
            + String.join("; ", t.samples);
    return new AuditEvent(
        null,
        minute,
        SignInRecords.ANONYMOUS,
        ACTION,
        OBJECT,
        key.address(),
        AuditLog.DENIED,
        detail,
        OTHERS.equals(key.address()) ? null : key.address());
  }
}
