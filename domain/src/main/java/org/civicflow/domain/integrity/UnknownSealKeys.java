package org.civicflow.domain.integrity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The seal keys this node met in stored records but does not hold. While there is any, the node is
 * not ready (its readiness check is DOWN): it cannot tell a genuine record from a changed one, so
 * it must neither serve such records nor call them tampered — the other nodes, which hold the key,
 * go on serving. Kept in this node's memory only: nothing shared is changed.
 *
 * <p>Filled when a record with an unknown key is read, and from every {@link SealedRecords} at
 * start-up and on each scheduled check ({@link #recheck}), which also forgets keys no record uses
 * any more.
 */
@Component
public class UnknownSealKeys {

  private static final Logger LOG = LoggerFactory.getLogger(UnknownSealKeys.class);

  /** The id under which seals that name no key are listed when no key held verifies them. */
  public static final String UNNAMED = "(unnamed)";

  private final SealKeys keys;
  private final List<SealedRecords> records;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<String, Unknown> unknown = new TreeMap<>();

  /** An unknown key: where it was met first, and when. */
  public record Unknown(String keyId, String where, Instant since) {}

  public UnknownSealKeys(
      SealKeys keys, List<SealedRecords> records, Clock clock, ApplicationEventPublisher events) {
    this.keys = keys;
    this.records = records;
    this.clock = clock;
    this.events = events;
  }

  /**
   * A record sealed with {@code keyId}, which this node does not hold, was met: logged and
   * announced ({@link SealKeyMissing}) the first time.
   */
  public void met(String keyId, String where) {
    String id = keyId == null ? UNNAMED : keyId;
    synchronized (this) {
      if (keys.holds(id) || unknown.containsKey(id)) {
        return;
      }
      unknown.put(id, new Unknown(id, where, clock.instant()));
    }
    events.publishEvent(new SealKeyMissing(id, where));
    LOG.error(
        "SEAL KEY MISSING: {} carries seals of key {}, which this node does not hold (it holds {})."
            + " This node reports itself not ready and changes nothing; give it the cluster's seal"
            + " keys (CIVICFLOW_SEAL_KEY, civicflow.integrity.verification-keys) and restart it.",
        where,
        id,
        keys.heldIds());
  }

  /** Reads the keys every kind of sealed record uses; forgets unknown keys no longer in use. */
  public void recheck() {
    Map<String, String> inUse = new TreeMap<>();
    for (SealedRecords r : records) {
      for (String id : r.keyIdsInUse()) {
        inUse.putIfAbsent(id, r.describe());
      }
    }
    synchronized (this) {
      unknown.keySet().removeIf(id -> !UNNAMED.equals(id) && !inUse.containsKey(id));
    }
    inUse.forEach(
        (id, where) -> {
          if (!keys.holds(id)) {
            met(id, where);
          }
        });
  }

  /** The unknown keys met, by id. */
  public synchronized List<Unknown> current() {
    return List.copyOf(unknown.values());
  }

  public synchronized boolean any() {
    return !unknown.isEmpty();
  }

  /** Seals of one key in one kind of record, for the operator. */
  public record KeyUse(String records, String keyId, long seals, boolean held) {}

  /** The stored seals by kind of record and key. */
  public List<KeyUse> uses() {
    List<KeyUse> uses = new java.util.ArrayList<>();
    for (SealedRecords r : records) {
      r.sealsByKey()
          .forEach(
              (id, n) ->
                  uses.add(new KeyUse(r.describe(), id == null ? UNNAMED : id, n, keys.holds(id))));
    }
    return uses;
  }

  /** The ids this node holds, for the operator. */
  public Set<String> heldIds() {
    return keys.heldIds();
  }

  /** The id of the key new seals are made with. */
  public String currentId() {
    return keys.currentId();
  }
}
