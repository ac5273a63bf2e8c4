package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import org.civicflow.domain.common.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The letters' signing key store: required where keys are never made (the mysql profile), made
 * owner-only on the embedded default, imported per department as a city's own PKCS#12.
 */
class LetterKeysTest {

  @TempDir Path tmp;

  @Test
  void aClusterWithoutAKeyStoreRefusesToStart() {
    assertThatThrownBy(() -> LetterKeys.load("", "", false, tmp.resolve("letters")))
        .isInstanceOf(LetterKeyProblem.class)
        .hasMessageContaining("never makes");
    assertThatThrownBy(() -> LetterKeys.load(tmp.resolve("none").toString(), "pw", false, tmp))
        .isInstanceOf(LetterKeyProblem.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> LetterKeys.load(tmp.toString(), "", false, tmp))
        .isInstanceOf(LetterKeyProblem.class)
        .hasMessageContaining("no password");
    FailureAnalysis analysis =
        new LetterKeyFailureAnalyzer()
            .analyze(new IllegalStateException(new LetterKeyProblem("No signing key store")));
    assertThat(analysis.getDescription()).isEqualTo("No signing key store");
    assertThat(analysis.getAction()).contains("CIVICFLOW_LETTER_KEY_STORE_DIR");
  }

  @Test
  void theEmbeddedDefaultMakesALocalCaAndOneCertificatePerDepartment() throws Exception {
    Path dir = tmp.resolve("letters");
    SigningKey scjg = LetterKeys.load(null, null, true, dir).of("SCJG", "市场监督管理局");
    assertThat(scjg.chain()).hasSize(2);
    assertThat(scjg.certificate().getSubjectX500Principal().getName()).contains("SCJG");
    scjg.certificate().verify(scjg.chain()[1].getPublicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    for (String f : new String[] {"ca.p12", "SCJG.p12", "password"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
          .as(f)
          .isEqualTo("rw-------");
    }
    SigningKey again = LetterKeys.load(null, null, true, dir).of("SCJG", "市场监督管理局");
    assertThat(again.certificate()).as("read back, not made again").isEqualTo(scjg.certificate());
    SigningKey swj = LetterKeys.load(null, null, true, dir).of("SWJ", "市商务局");
    assertThat(swj.chain()[1]).as("the same CA").isEqualTo(scjg.chain()[1]);
  }

  @Test
  void aCityImportsItsOwnPkcs12PerDepartment() throws Exception {
    SigningKey ca = LetterKeyGenerator.newAuthority();
    SigningKey own = LetterKeyGenerator.newDepartment(ca, "SCJG", "市场监督管理局");
    Path dir = Files.createDirectory(tmp.resolve("city"));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("scjg-2026", own.key(), "city-secret".toCharArray(), own.chain());
    try (OutputStream out = Files.newOutputStream(dir.resolve("SCJG.p12"))) {
      store.store(out, "city-secret".toCharArray());
    }
    LetterKeys keys = LetterKeys.load(dir.toString(), "city-secret", false, tmp.resolve("x"));
    assertThat(keys.of("SCJG", "市场监督管理局").certificate()).isEqualTo(own.certificate());
    assertThat(keys.has("SWJ")).isFalse();
    assertThatThrownBy(() -> keys.of("SWJ", "市商务局"))
        .as("a configured store never makes a key")
        .isInstanceOf(ConflictException.class);
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    assertThatThrownBy(() -> LetterKeys.load(dir.toString(), "wrong", false, tmp).of("SCJG", "x"))
        .isInstanceOf(LetterKeyProblem.class);
  }
}
