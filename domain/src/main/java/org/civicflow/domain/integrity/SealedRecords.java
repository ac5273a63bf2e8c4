package org.civicflow.domain.integrity;

import java.util.Set;

/**
 * A kind of stored record that carries seals: tells which keys its stored seals name, so that a
 * node can see at start-up, before serving anything, whether it holds every key in use.
 */
public interface SealedRecords {

  /** What these records are, for the operator (e.g. "published replies"). */
  String describe();

  /** The ids of the keys the stored seals were made with. */
  Set<String> keyIdsInUse();

  /**
   * How many stored seals each key made (the key {@code null}: seals that name no key), so that an
   * operator sees when a rotated-out key verifies nothing any more.
   */
  java.util.Map<String, Long> sealsByKey();
}
