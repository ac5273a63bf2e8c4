package org.civicflow.domain.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the seal keys from configuration: the current key as Base64 ({@code
 * civicflow.integrity.seal-key}, usually {@code CIVICFLOW_SEAL_KEY}) or from a key file ({@code
 * civicflow.integrity.key-file}), and the verify-only keys of earlier rotations ({@code
 * civicflow.integrity.verification-keys}, {@code civicflow.integrity.verification-key-files}).
 *
 * <p>Only where {@code civicflow.integrity.generate-key} is on (the embedded single-node default)
 * is a missing key made: a key file under the user's home, created owner-only before a byte of it
 * is written. A cluster never makes keys: a node that made its own would find every other node's
 * seals unknown.
 */
final class SealKeySource {

  private static final Logger LOG = LoggerFactory.getLogger(SealKeySource.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SealKeySource() {}

  /** The configured seal keys; a {@link SealKeyProblem} if they are missing or unusable. */
  static SealKeys load(
      String sealKey,
      String keyFile,
      List<String> verificationKeys,
      List<String> verificationKeyFiles,
      boolean generate,
      Path generatedFile) {
    boolean hasKey = sealKey != null && !sealKey.isBlank();
    boolean hasFile = keyFile != null && !keyFile.isBlank();
    if (hasKey && hasFile) {
      throw new SealKeyProblem(
          "Both CIVICFLOW_SEAL_KEY (civicflow.integrity.seal-key) and"
              + " civicflow.integrity.key-file are set: set one of them.");
    }
    byte[] current;
    if (hasKey) {
      current = decode(sealKey, "CIVICFLOW_SEAL_KEY (civicflow.integrity.seal-key)");
    } else if (hasFile) {
      current = readFile(Path.of(keyFile.strip()), "civicflow.integrity.key-file");
    } else if (generate) {
      current = readOrCreate(generatedFile);
    } else {
      throw new SealKeyProblem(
          "No seal key is configured, and this profile never makes one (each node would make its"
              + " own, and the nodes would not verify each other's seals).");
    }
    List<byte[]> verifyOnly = new ArrayList<>();
    for (String key : nonBlank(verificationKeys)) {
      verifyOnly.add(decode(key, "civicflow.integrity.verification-keys"));
    }
    for (String file : nonBlank(verificationKeyFiles)) {
      verifyOnly.add(readFile(Path.of(file), "civicflow.integrity.verification-key-files"));
    }
    SealKeys keys = new SealKeys(current, verifyOnly);
    LOG.info(
        "Seal keys: new seals with key {}; seals of keys {} verify",
        keys.currentId(),
        keys.heldIds());
    return keys;
  }

  private static List<String> nonBlank(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  private static byte[] decode(String base64, String setting) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException notBase64) {
      throw new SealKeyProblem("The seal key in " + setting + " is not Base64.");
    }
    if (key.length < SealKeys.MIN_KEY_BYTES) {
      throw new SealKeyProblem(
          "The seal key in "
              + setting
              + " has "
              + key.length
              + " bytes; it needs at least "
              + SealKeys.MIN_KEY_BYTES
              + ".");
    }
    return key;
  }

  private static byte[] readFile(Path file, String setting) {
    if (!Files.isRegularFile(file)) {
      throw new SealKeyProblem("The seal key file " + file + " (" + setting + ") does not exist.");
    }
    warnIfReadableByOthers(file);
    try {
      return decode(Files.readString(file, StandardCharsets.US_ASCII), setting + " " + file);
    } catch (IOException e) {
      throw new SealKeyProblem("The seal key file " + file + " cannot be read: " + e, e);
    }
  }

  private static void warnIfReadableByOthers(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(perms)) {
        LOG.warn(
            "The seal key file {} can be read by others ({}): chmod 600 it",
            file,
            PosixFilePermissions.toString(perms));
      }
    } catch (UnsupportedOperationException | IOException notPosix) {
      // no POSIX permissions to check on this file system
    }
  }

  /** The single-node key file, made on first start: owner-only from the moment it exists. */
  static byte[] readOrCreate(Path file) {
    if (Files.exists(file)) {
      return readFile(file, "the generated key file");
    }
    byte[] fresh = new byte[SealKeys.MIN_KEY_BYTES];
    new SecureRandom().nextBytes(fresh);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
      LOG.info("Made a seal key for this single node in {}", file);
      return fresh;
    } catch (FileAlreadyExistsException madeMeanwhile) {
      return readFile(file, "the generated key file");
    } catch (IOException e) {
      throw new SealKeyProblem("Cannot make the seal key file " + file + ": " + e, e);
    }
  }

  /** The permissions a generated key file gets. */
  static Set<PosixFilePermission> ownerOnly() {
    return EnumSet.copyOf(OWNER_ONLY);
  }
}
