package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class SealTest {

  private static Publication signed() {
    return PublicationFixtures.signed(7L, "SCJG", 3L, "市场监督管理局", "答复正文", "答复正文");
  }

  private static void set(Publication p, String field, Object value) throws Exception {
    Field f = Publication.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(p, value);
  }

  @Test
  void anUntouchedRecordVerifies() {
    assertThat(Seal.verify(PublicationFixtures.KEY, signed())).isTrue();
  }

  @Test
  void anyChangeToWhatThePageShowsBreaksTheSeal() throws Exception {
    for (String field :
        new String[] {
          "title",
          "departmentName",
          "publicText",
          "proposer",
          "delegation",
          "suggestionText",
          "proposalNumber",
          "sessionName",
          "category"
        }) {
      Publication p = signed();
      set(p, field, "某某市博彩娱乐平台");
      assertThat(Seal.verify(PublicationFixtures.KEY, p)).as(field).isFalse();
    }
  }

  @Test
  void aRecomputedHashWithoutTheKeyDoesNotHelp() throws Exception {
    Publication p = signed();
    set(p, "publicText", "被篡改的文本");
    set(p, "contentSha256", Seal.sha256("被篡改的文本"));
    assertThat(Seal.verify(PublicationFixtures.KEY, p)).isFalse();
    assertThat(Seal.verify(() -> "another-key-another-key-another-k".getBytes(), signed()))
        .isFalse();
  }

  @Test
  void sha256IsTheLowerCaseHexOfUtf8() {
    assertThat(Seal.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Seal.sha256(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
