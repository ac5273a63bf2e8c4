package org.civicflow.domain.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal keys of the cluster: the current key, which makes every new seal, and the keys that only
 * verify (earlier keys after a rotation). Every node of a cluster holds the same keys; they come
 * from configuration, never from the database, so that whoever can write to the database still
 * cannot forge a seal.
 *
 * <p>A key is known by an id derived from it (a MAC of a fixed text under the key), so nodes agree
 * on ids without configuring them, and an id says nothing about its key. Each stored seal records
 * the id of its key: a seal of an unknown id is {@link MacCheck#UNKNOWN_KEY}, never "broken".
 */
public final class SealKeys {

  /** Keys shorter than this are refused: HMAC-SHA256 wants 32 bytes of secret. */
  public static final int MIN_KEY_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";

  private final String currentId;
  private final Map<String, byte[]> keys;

  /**
   * @param current the key that makes new seals
   * @param verifyOnly earlier keys, which still verify the seals they made
   */
  public SealKeys(byte[] current, List<byte[]> verifyOnly) {
    Map<String, byte[]> all = new LinkedHashMap<>();
    this.currentId = put(all, current);
    for (byte[] key : verifyOnly) {
      put(all, key);
    }
    this.keys = Collections.unmodifiableMap(all);
  }

  private static String put(Map<String, byte[]> all, byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a seal key must have at least " + MIN_KEY_BYTES + " bytes");
    }
    String id = idOf(key);
    all.putIfAbsent(id, key.clone());
    return id;
  }

  /** The id of a key: 16 hex digits of a MAC of a fixed text under it. */
  public static String idOf(byte[] key) {
    return hmac(key, "civicflow seal key id".getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
  }

  /** The id of the key that makes new seals. */
  public String currentId() {
    return currentId;
  }

  /** The ids of every key this node holds, the current one first. */
  public Set<String> heldIds() {
    return keys.keySet();
  }

  public boolean holds(String keyId) {
    return keyId != null && keys.containsKey(keyId);
  }

  /** A MAC of {@code input} under the current key. */
  public KeyedMac sign(MacInput input) {
    return new KeyedMac(currentId, hmac(keys.get(currentId), input.bytes()));
  }

  /** Checks a stored MAC against {@code input}, with the key the MAC names. */
  public MacCheck check(String keyId, String hex, MacInput input) {
    byte[] key = keyId == null ? null : keys.get(keyId);
    if (key == null) {
      return MacCheck.UNKNOWN_KEY;
    }
    return matches(hmac(key, input.bytes()), hex) ? MacCheck.VALID : MacCheck.BROKEN;
  }

  /**
   * Checks a MAC that records no key id (made before seals named their keys) with every key held:
   * valid if one of them made it, otherwise {@link MacCheck#UNKNOWN_KEY} — this node cannot tell a
   * changed record from a key it was not given.
   */
  public MacCheck checkWithAnyKey(String hex, MacInput input) {
    byte[] bytes = input.bytes();
    for (byte[] key : keys.values()) {
      if (matches(hmac(key, bytes), hex)) {
        return MacCheck.VALID;
      }
    }
    return MacCheck.UNKNOWN_KEY;
  }

  private static boolean matches(String expected, String stored) {
    return stored != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            stored.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  @Override
  public String toString() {
    // never the keys themselves
    return "SealKeys[current=" + currentId + ", held=" + keys.keySet() + "]";
  }
}
