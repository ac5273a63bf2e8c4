package org.civicflow.portal.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.civicflow.domain.identity.FirstAdministrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first start on an empty database (no account at all) without demo data creates the
 * administrator {@code admin}: with {@code CIVICFLOW_INITIAL_ADMIN_PASSWORD} when it is set,
 * otherwise with a strong random password that is written once to the log, in a clearly marked
 * line, and to a file readable by its owner only ({@code civicflow.initial-admin.password-file},
 * {@value #DEFAULT_FILE} in the working directory; created with the permissions {@code rw-------}
 * before anything is written to it). Either way the password must be changed at the first sign-in.
 * With demo data ({@code civicflow.demo=true}) the demo loader creates the accounts instead.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "civicflow.demo", havingValue = "false", matchIfMissing = true)
class FirstAdminBootstrap implements ApplicationRunner {

  static final String DEFAULT_FILE = "civicflow-initial-admin-password.txt";
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdminBootstrap.class);

  private final FirstAdministrator first;
  private final String givenPassword;
  private final Path passwordFile;

  FirstAdminBootstrap(
      FirstAdministrator first,
      @Value("${CIVICFLOW_INITIAL_ADMIN_PASSWORD:}") String givenPassword,
      @Value("${civicflow.initial-admin.password-file:" + DEFAULT_FILE + "}") String passwordFile) {
    this.first = first;
    this.givenPassword = givenPassword;
    this.passwordFile = Path.of(passwordFile).toAbsolutePath();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!first.noAccounts()) {
      return;
    }
    if (!givenPassword.isEmpty()) {
      if (first.createIfNoAccounts(givenPassword)) {
        LOG.warn(
            "First start: created the administrator account 'admin' with the password of"
                + " CIVICFLOW_INITIAL_ADMIN_PASSWORD; it must be changed at the first sign-in.");
      }
      return;
    }
    String password = FirstAdministrator.randomPassword();
    // the file first: a password nobody can read back must not become the only way in
    writeOwnerOnly(passwordFile, password);
    if (!first.createIfNoAccounts(password)) {
      deleteQuietly(passwordFile);
      return;
    }
    LOG.warn(
        "\n==================== CIVICFLOW INITIAL ADMINISTRATOR ===================="
            + "\nFirst start: created the administrator account 'admin' with the random password"
            + "\n    {}"
            + "\n(also in {}, readable by its owner only). Sign in as 'admin', set a password of"
            + "\nyour own (required at the first sign-in), then delete the file."
            + "\n=========================================================================",
        password,
        passwordFile);
  }

  /** Creates the file with owner-only permissions, then writes; an older file is replaced. */
  static void writeOwnerOnly(Path file, String content) {
    try {
      Files.deleteIfExists(file);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        var ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        Files.setPosixFilePermissions(file, ownerOnly); // exactly these, whatever the umask
      } else {
        Files.createFile(file);
        java.io.File f = file.toFile();
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
      }
      Files.writeString(file, content + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the initial administrator password to " + file, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete {}", file, e);
    }
  }
}
