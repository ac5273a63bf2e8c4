package org.civicflow.domain.integrity;

/**
 * This node met stored seals of a key it does not hold: from now on it must change nothing shared
 * and is not ready.
 *
 * @param keyId the unknown key's id ({@link UnknownSealKeys#UNNAMED} for seals that name none)
 * @param where the kind of record it was met in
 */
public record SealKeyMissing(String keyId, String where) {}
