package org.civicflow.portal.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The departments' signing keys: a directory of PKCS#12 files, {@code <DEPARTMENT_CODE>.p12}, all
 * with one password. A cluster is given the directory and the password as configuration, the same
 * on every node ({@code civicflow.letters.key-store-dir}, {@code key-store-password}); a city
 * imports its own PKCS#12 per department by putting it there. Only where {@code generate-keys} is
 * on (the embedded single-node default) does a missing directory get a local CA ({@code ca.p12})
 * and a missing department a certificate of that CA, owner-only from the moment they exist.
 */
final class LetterKeys {

  private static final Logger LOG = LoggerFactory.getLogger(LetterKeys.class);
  static final String CA_FILE = "ca.p12";
  static final String PASSWORD_FILE = "password";

  private final Path dir;
  private final char[] password;
  private final boolean generate;
  private final Map<String, SigningKey> loaded = new ConcurrentHashMap<>();

  private LetterKeys(Path dir, char[] password, boolean generate) {
    this.dir = dir;
    this.password = password;
    this.generate = generate;
  }

  /**
   * @throws LetterKeyProblem no key store where one is required, or one that cannot be read
   */
  static LetterKeys load(String keyStoreDir, String password, boolean generate, Path generatedDir) {
    if (keyStoreDir != null && !keyStoreDir.isBlank()) {
      Path d = Path.of(keyStoreDir.strip());
      if (!Files.isDirectory(d)) {
        throw new LetterKeyProblem(
            "The signing key store directory "
                + d
                + " (civicflow.letters.key-store-dir) does not exist.");
      }
      if (password == null || password.isEmpty()) {
        throw new LetterKeyProblem(
            "The signing key store of the reply letters has no password"
                + " (CIVICFLOW_LETTER_KEY_STORE_PASSWORD, civicflow.letters.key-store-password).");
      }
      LOG.info("Reply letters are signed with the key stores in {}", d);
      return new LetterKeys(d, password.toCharArray(), false);
    }
    if (!generate) {
      throw new LetterKeyProblem(
          "No signing key store of the reply letters is configured, and this profile never makes"
              + " one (each node would make its own certificates).");
    }
    return new LetterKeys(generatedDir, localPassword(generatedDir), true);
  }

  /** The department's key; made (with the local CA) on the embedded default when missing. */
  SigningKey of(String department, String departmentName) {
    SigningKey key = loaded.get(department);
    if (key == null) {
      synchronized (this) {
        key = loaded.computeIfAbsent(department, d -> read(d, departmentName));
      }
    }
    return key;
  }

  /** Whether a department has a key store (or would get one made). */
  boolean has(String department) {
    return generate || Files.isRegularFile(dir.resolve(department + ".p12"));
  }

  private SigningKey read(String department, String departmentName) {
    Path file = dir.resolve(department + ".p12");
    if (!Files.isRegularFile(file)) {
      if (!generate) {
        throw new org.civicflow.domain.common.ConflictException("letter.noSigningKey", department);
      }
      SigningKey made = LetterKeyGenerator.newDepartment(authority(), department, departmentName);
      write(file, made);
      LOG.info("Made the signing certificate of {} in {}", department, file);
      return made;
    }
    return readFile(file);
  }

  private SigningKey authority() {
    Path file = dir.resolve(CA_FILE);
    if (Files.isRegularFile(file)) {
      return readFile(file);
    }
    SigningKey ca = LetterKeyGenerator.newAuthority();
    write(file, ca);
    LOG.info("Made the local certificate authority of the reply letters in {}", file);
    return ca;
  }

  private SigningKey readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        Key key = store.getKey(alias, password);
        if (key instanceof PrivateKey pk) {
          Certificate[] chain = store.getCertificateChain(alias);
          return new SigningKey(
              pk,
              Arrays.stream(chain).map(c -> (X509Certificate) c).toArray(X509Certificate[]::new));
        }
      }
      throw new LetterKeyProblem("The key store " + file + " holds no private key.");
    } catch (IOException | GeneralSecurityException e) {
      throw new LetterKeyProblem("The key store " + file + " cannot be read: " + e, e);
    }
  }

  /** Written to a temporary owner-only file first, then moved in place: never seen half made. */
  private void write(Path file, SigningKey key) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("signing", key.key(), password, key.chain());
      Path tmp = ownerOnlyFile(dir.resolve(file.getFileName() + ".tmp"));
      try (OutputStream out = Files.newOutputStream(tmp)) {
        store.store(out, password);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | GeneralSecurityException e) {
      throw new LetterKeyProblem("Cannot write the key store " + file + ": " + e, e);
    }
  }

  /** The password of the generated key stores, made with the directory on first start. */
  private static char[] localPassword(Path dir) {
    Path file = dir.resolve(PASSWORD_FILE);
    try {
      if (!Files.exists(dir)) {
        try {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createDirectories(dir);
        }
      }
      if (!Files.exists(file)) {
        byte[] fresh = new byte[24];
        new SecureRandom().nextBytes(fresh);
        Path tmp = ownerOnlyFile(dir.resolve(PASSWORD_FILE + ".tmp"));
        Files.writeString(
            tmp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Made the local signing key store of the reply letters in {}", dir);
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    } catch (IOException e) {
      throw new LetterKeyProblem("Cannot make the signing key store in " + dir + ": " + e, e);
    }
  }

  private static Path ownerOnlyFile(Path file) throws IOException {
    Files.deleteIfExists(file);
    try {
      return Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createFile(file);
    }
  }
}
