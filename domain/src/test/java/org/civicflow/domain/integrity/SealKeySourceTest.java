package org.civicflow.domain.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a node gets its seal keys, and when it refuses to start. */
class SealKeySourceTest {

  private static final String KEY_A =
      Base64.getEncoder().encodeToString("key-a-key-a-key-a-key-a-key-a-ke".getBytes());
  private static final String KEY_B =
      Base64.getEncoder().encodeToString("key-b-key-b-key-b-key-b-key-b-ke".getBytes());

  @TempDir Path dir;

  private SealKeys load(String key, String file, List<String> verify, boolean generate) {
    return SealKeySource.load(key, file, verify, List.of(), generate, dir.resolve("gen/seal.key"));
  }

  @Test
  void aClusterProfileWithoutAKeyRefusesToStartAndSaysHowToMakeOne() {
    assertThatThrownBy(() -> load("", "", List.of(), false))
        .isInstanceOf(SealKeyProblem.class)
        .hasMessageContaining("No seal key")
        .satisfies(
            e ->
                assertThat(((SealKeyProblem) e).action())
                    .contains("openssl rand -base64 32")
                    .contains("CIVICFLOW_SEAL_KEY")
                    .contains("civicflow.integrity.key-file"));
    assertThat(dir.resolve("gen")).as("no key made").doesNotExist();
  }

  @Test
  void shortOrMalformedKeysAreRefusedNamingTheSetting() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> load(shortKey, "", List.of(), false))
        .isInstanceOf(SealKeyProblem.class)
        .hasMessageContaining("16 bytes")
        .hasMessageContaining("CIVICFLOW_SEAL_KEY");
    assertThatThrownBy(() -> load("not base64!", "", List.of(), false))
        .isInstanceOf(SealKeyProblem.class)
        .hasMessageContaining("not Base64");
    assertThatThrownBy(() -> load(KEY_A, "", List.of("@@@"), false))
        .isInstanceOf(SealKeyProblem.class)
        .hasMessageContaining("verification-keys");
    assertThatThrownBy(() -> load(KEY_A, dir.resolve("k").toString(), List.of(), false))
        .isInstanceOf(SealKeyProblem.class)
        .hasMessageContaining("set one of them");
    assertThatThrownBy(() -> load("", dir.resolve("missing.key").toString(), List.of(), false))
        .isInstanceOf(SealKeyProblem.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void everyNodeGivenTheSameKeyHasTheSameKeyIdWhereverItRuns() throws Exception {
    SealKeys fromEnv = load(KEY_A, "", List.of(), false);
    Path file = dir.resolve("seal.key");
    Files.writeString(file, KEY_A + "\n", StandardCharsets.US_ASCII);
    SealKeys fromFile = load("", file.toString(), List.of(), false);
    assertThat(fromFile.currentId()).isEqualTo(fromEnv.currentId()).hasSize(16);
    assertThat(fromEnv.currentId()).isNotEqualTo(load(KEY_B, "", List.of(), false).currentId());
    assertThat(fromEnv.toString()).doesNotContain(KEY_A);
  }

  @Test
  void aRotatedNodeSealsWithTheNewKeyAndVerifiesWithBoth() {
    SealKeys before = load(KEY_A, "", List.of(), false);
    SealKeys after = load(KEY_B, "", List.of(KEY_A), false);
    MacInput input = MacInput.of("test/1").add("text").add(42L);
    KeyedMac old = before.sign(input);
    KeyedMac fresh = after.sign(input);
    assertThat(fresh.keyId()).isEqualTo(after.currentId()).isNotEqualTo(old.keyId());
    assertThat(after.check(old.keyId(), old.hex(), input)).isEqualTo(MacCheck.VALID);
    assertThat(after.check(fresh.keyId(), fresh.hex(), input)).isEqualTo(MacCheck.VALID);
    assertThat(before.check(fresh.keyId(), fresh.hex(), input)).isEqualTo(MacCheck.UNKNOWN_KEY);
    assertThat(after.check(old.keyId(), old.hex(), MacInput.of("test/1").add("text").add(43L)))
        .isEqualTo(MacCheck.BROKEN);
    assertThat(after.heldIds()).containsExactly(after.currentId(), before.currentId());
  }

  @Test
  void partsAreFramedSoThatDifferentListsNeverCollide() {
    SealKeys keys = load(KEY_A, "", List.of(), false);
    String ab = keys.sign(MacInput.of("p").add("ab").add("c")).hex();
    String a = keys.sign(MacInput.of("p").add("a").add("bc")).hex();
    String nul = keys.sign(MacInput.of("p").add((String) null)).hex();
    String text = keys.sign(MacInput.of("p").add("null")).hex();
    String other = keys.sign(MacInput.of("q").add("ab").add("c")).hex();
    assertThat(List.of(ab, a, nul, text, other)).doesNotHaveDuplicates();
  }

  @Test
  void theSingleNodeKeyFileIsOwnerOnlyFromItsFirstByteAndKeptAcrossStarts() throws Exception {
    SealKeys first = load("", "", List.of(), true);
    Path file = dir.resolve("gen/seal.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    assertThat(load("", "", List.of(), true).currentId()).isEqualTo(first.currentId());
  }
}
