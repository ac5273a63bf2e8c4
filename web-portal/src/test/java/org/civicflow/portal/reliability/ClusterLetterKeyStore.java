package org.civicflow.portal.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reply letters' signing key store of the suites' cluster, made once as an operator makes it
 * (docs/operations.md): a directory of {@code <DEPARTMENT_CODE>.p12} files, one password, made with
 * the JDK's {@code keytool} — the city's own PKCS#12 files, not certificates a node makes. Every
 * node of a run is given the same directory and password by environment, so no node makes keys.
 */
final class ClusterLetterKeyStore {

  static final String PASSWORD = "cluster-letters-2026";

  /** The organisation of every certificate of the store (what a letter signed with it names). */
  static final String ORGANISATION = "CivicFlow test city";

  /** The demo's departments (DemoDataLoader). */
  private static final List<String> DEPARTMENTS = List.of("SCJG", "SWJ", "WXB", "GAJ", "JYJ");

  private static Path dir;

  private ClusterLetterKeyStore() {}

  /** The directory, made at the first call of the run. */
  static synchronized Path directory() {
    if (dir != null) {
      return dir;
    }
    Path d = Path.of("target", "reliability", "letter-key-store").toAbsolutePath();
    try {
      Files.createDirectories(d);
      for (String code : DEPARTMENTS) {
        Path file = d.resolve(code + ".p12");
        if (!Files.exists(file)) {
          keytool(file, code);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot make the cluster's letter key store in " + d, e);
    }
    dir = d;
    return d;
  }

  private static void keytool(Path file, String code) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD,
                "-alias",
                code.toLowerCase(java.util.Locale.ROOT),
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "3650",
                "-dname",
                "CN=" + code + ", O=" + ORGANISATION + ", C=CN")
            .redirectErrorStream(true)
            .start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(
            "keytool failed for " + code + ": " + new String(p.getInputStream().readAllBytes()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
