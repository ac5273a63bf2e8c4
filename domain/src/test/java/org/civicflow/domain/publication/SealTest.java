package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.SealKeys;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The seals cover the publication, not just its text: every change a database writer could make to
 * what was signed or to where it stands is found; a seal of a key this node does not hold is
 * "unknown", never "broken"; rotated keys still verify what they sealed.
 */
class SealTest {

  private static final byte[] OTHER_KEY =
      "another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII);

  private final PublicationSeals seals = PublicationFixtures.seals(PublicationFixtures.KEYS);

  private Publication stored() {
    return PublicationFixtures.sealed(
        seals,
        41,
        PublicationFixtures.signed(7L, "SCJG", 3L, "市场监督管理局", "答复正文 电话13800138000", "答复正文 电话***"));
  }

  private static Publication published(PublicationSeals by, Publication p) {
    p.publish(Instant.parse("2022-06-02T02:00:00Z"), ZoneOffset.UTC);
    by.sealState(p, "system");
    return p;
  }

  private static void set(Publication p, String field, Object value) {
    ReflectionTestUtils.setField(p, field, value);
  }

  private MacCheck check(Publication p) {
    return seals.check(p).result();
  }

  @Test
  void anUntouchedRecordVerifiesInEveryState() {
    Publication p = stored();
    assertThat(check(p)).isEqualTo(MacCheck.VALID);
    published(seals, p);
    assertThat(check(p)).isEqualTo(MacCheck.VALID);
    p.withdraw("registrar", "内容需更正", Instant.parse("2022-07-01T02:00:00Z"));
    seals.sealState(p, "registrar");
    assertThat(check(p)).isEqualTo(MacCheck.VALID);
    assertThat(p.getStateChangedBy()).isEqualTo("registrar");
  }

  @Test
  void anyChangeToWhatWasSignedBreaksTheSeal() {
    Object[][] changes = {
      {"title", "某某市博彩娱乐平台"},
      {"departmentName", "某某市博彩娱乐平台"},
      {"publicText", "某某市博彩娱乐平台"},
      {"signedText", "另一份签发文本"},
      {"proposer", "某某"},
      {"delegation", "某某"},
      {"suggestionText", "某某"},
      {"proposalNumber", "911101"},
      {"sessionName", "某某"},
      {"category", "A"},
      {"proposalId", 8L},
      {"departmentCode", "SWJ"},
      {"draftId", 2L},
      {"draftVersion", 2},
      {"disclosure", "NOT_PUBLIC"},
      {"signedBy", "someone.else"},
      {"id", 40L},
    };
    for (Object[] change : changes) {
      Publication p = published(seals, stored());
      set(p, (String) change[0], change[1]);
      assertThat(check(p)).as(String.valueOf(change[0])).isEqualTo(MacCheck.BROKEN);
    }
  }

  @Test
  void aRecomputedHashWithoutTheKeyDoesNotHelp() {
    Publication p = stored();
    set(p, "publicText", "被篡改的文本");
    set(p, "contentSha256", Seal.sha256("被篡改的文本"));
    assertThat(check(p)).isEqualTo(MacCheck.BROKEN);
  }

  @Test
  void aNotPublicReplySetToPublishedIsFound() {
    Publication p = stored();
    set(p, "disclosure", "NOT_PUBLIC");
    PublicationFixtures.sealed(seals, 41, p);
    p.keepNotPublic();
    seals.sealState(p, "registrar");
    assertThat(check(p)).isEqualTo(MacCheck.VALID);
    // by SQL: state = 'PUBLISHED', published_at = now()
    set(p, "state", PublicationState.PUBLISHED);
    set(p, "publishedAt", Instant.parse("2022-06-03T00:00:00Z"));
    assertThat(check(p)).isEqualTo(MacCheck.BROKEN);
    assertThat(seals.check(p).problem()).contains("state");
  }

  @Test
  void aWithdrawalUndoneIsFoundAlsoWhenTheEarlierSealIsPutBack() {
    Publication p = published(seals, stored());
    String publishedSeal = p.getStateSeal();
    p.withdraw("registrar", "内容需更正", Instant.parse("2022-07-01T02:00:00Z"));
    seals.sealState(p, "registrar");
    String withdrawnSeal = p.getStateSeal();

    // by SQL: the withdrawal's fields cleared
    set(p, "state", PublicationState.PUBLISHED);
    set(p, "withdrawnAt", null);
    set(p, "withdrawnBy", null);
    set(p, "withdrawalReason", null);
    assertThat(check(p)).isEqualTo(MacCheck.BROKEN);

    // the whole earlier state put back, seal and all: the row verifies on its own …
    Publication replayed = published(seals, stored());
    assertThat(replayed.getStateSeal()).isEqualTo(publishedSeal);
    assertThat(check(replayed)).isEqualTo(MacCheck.VALID);
    // … but the audit log recorded a later state of this publication
    set(replayed, "recordedState", "state=WITHDRAWN seal=" + withdrawnSeal);
    assertThat(check(replayed)).isEqualTo(MacCheck.BROKEN);
    assertThat(seals.check(replayed).problem()).contains("earlier state");
  }

  @Test
  void theStateSealNamesWhoChangedItAndCannotBeMovedToAnotherPublication() {
    Publication p = published(seals, stored());
    set(p, "stateChangedBy", "registrar");
    assertThat(check(p)).isEqualTo(MacCheck.BROKEN);

    Publication a = published(seals, stored());
    Publication b =
        published(
            seals,
            PublicationFixtures.sealed(
                seals,
                42,
                PublicationFixtures.signed(
                    7L, "SCJG", 4L, "市场监督管理局", "答复正文 电话13800138000", "答复正文 电话***")));
    set(b, "stateSeal", a.getStateSeal());
    assertThat(check(b)).isEqualTo(MacCheck.BROKEN);
  }

  @Test
  void aSealOfAKeyThisNodeDoesNotHoldIsUnknownNotBroken() {
    PublicationSeals otherCluster = PublicationFixtures.seals(new SealKeys(OTHER_KEY, List.of()));
    Publication p =
        PublicationFixtures.sealed(
            otherCluster, 41, PublicationFixtures.signed(7L, "SCJG", 3L, "局", "文本", "文本"));
    assertThat(check(p)).isEqualTo(MacCheck.UNKNOWN_KEY);
    assertThat(seals.check(p).keyId()).isEqualTo(SealKeys.idOf(OTHER_KEY));
    // but a changed record with a key this node holds is tampering, even if the other seal is
    // unknown
    set(p, "sealKeyId", PublicationFixtures.KEYS.currentId());
    assertThat(check(p)).isEqualTo(MacCheck.BROKEN);
  }

  @Test
  void afterARotationNewSealsUseTheNewKeyAndOldSealsStillVerify() {
    Publication old = published(seals, stored());
    SealKeys rotated = new SealKeys(OTHER_KEY, List.of(PublicationFixtures.KEY_BYTES));
    PublicationSeals afterRotation = PublicationFixtures.seals(rotated);
    assertThat(afterRotation.check(old).result()).isEqualTo(MacCheck.VALID);

    Publication fresh =
        PublicationFixtures.sealed(
            afterRotation, 43, PublicationFixtures.signed(7L, "SCJG", 5L, "局", "文本", "文本"));
    assertThat(fresh.getSealKeyId()).isEqualTo(SealKeys.idOf(OTHER_KEY));
    assertThat(afterRotation.check(fresh).result()).isEqualTo(MacCheck.VALID);
    assertThat(check(fresh)).as("a node not yet given the new key").isEqualTo(MacCheck.UNKNOWN_KEY);

    // a state change of an old publication is sealed with the new key
    old.withdraw("registrar", "更正", Instant.parse("2022-07-01T02:00:00Z"));
    afterRotation.sealState(old, "registrar");
    assertThat(old.getStateSealKeyId()).isEqualTo(rotated.currentId());
    assertThat(old.getSealKeyId()).isEqualTo(PublicationFixtures.KEYS.currentId());
    assertThat(afterRotation.check(old).result()).isEqualTo(MacCheck.VALID);
  }

  @Test
  void aReplySealedBeforeSealsNamedTheirKeyStillVerifies() throws Exception {
    Publication p = PublicationFixtures.signed(7L, "SCJG", 3L, "市场监督管理局", "答复正文", "答复正文");
    ReflectionTestUtils.setField(p, "id", 41L);
    set(p, "seal", legacySeal(PublicationFixtures.KEY_BYTES, p));
    assertThat(check(p)).isEqualTo(MacCheck.VALID);
    set(p, "title", "某某市博彩娱乐平台");
    assertThat(check(p))
        .as("no key held made it: this node cannot tell a changed record from another key")
        .isEqualTo(MacCheck.UNKNOWN_KEY);
    Publication other = PublicationFixtures.signed(7L, "SCJG", 3L, "市场监督管理局", "答复正文", "答复正文");
    set(other, "seal", legacySeal(PublicationFixtures.KEY_BYTES, other));
    set(other, "contentSha256", Seal.sha256("x"));
    assertThat(check(other)).isEqualTo(MacCheck.BROKEN);
  }

  /** The seal as the release before key ids computed it, written out independently. */
  private static String legacySeal(byte[] key, Publication p) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    PublicSnapshot s = p.snapshot();
    String[] parts = {
      String.valueOf(p.getProposalId()),
      p.getDepartmentCode(),
      s.departmentName(),
      s.title(),
      s.sessionName(),
      s.proposalNumber(),
      s.proposalType(),
      s.proposer(),
      String.valueOf(s.delegation()),
      String.valueOf(s.submittedAt().getEpochSecond()),
      Seal.sha256(s.suggestionText()),
      s.category(),
      Seal.sha256(p.getPublicText())
    };
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      mac.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(bytes);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  @Test
  void sha256IsTheLowerCaseHexOfUtf8() {
    assertThat(Seal.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Seal.sha256(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
