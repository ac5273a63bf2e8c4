package org.civicflow.domain.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The seal key from {@code civicflow.integrity.seal-key} (Base64, e.g. from an environment
 * variable), or else from a key file outside the database that is created on first start.
 */
@Component
class FileSealKey implements SealKey {

  private final byte[] key;

  FileSealKey(
      @Value("${civicflow.integrity.seal-key:}") String configured,
      @Value("${civicflow.integrity.key-file:${user.home}/.civicflow/seal.key}") String keyFile) {
    this.key =
        configured.isBlank()
            ? fromFile(Path.of(keyFile))
            : Base64.getDecoder().decode(configured.strip());
    if (key.length < 32) {
      throw new IllegalStateException("the seal key must have at least 32 bytes");
    }
  }

  private static byte[] fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(
            file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // the file system has no POSIX permissions; keep the default ones
        }
      }
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the seal key file " + file, e);
    }
  }

  @Override
  public byte[] bytes() {
    return key.clone();
  }
}
