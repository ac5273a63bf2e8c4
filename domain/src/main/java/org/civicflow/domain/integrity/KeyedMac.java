package org.civicflow.domain.integrity;

/**
 * A MAC with the id of the key that made it.
 *
 * @param keyId the {@link SealKeys#idOf key id}
 * @param hex lower-case hex of the HMAC-SHA256
 */
public record KeyedMac(String keyId, String hex) {}
