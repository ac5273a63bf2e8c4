package org.civicflow.domain.publication;

import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.civicflow.domain.integrity.SealKeys;
import org.springframework.test.util.ReflectionTestUtils;

/** Signed replies for tests, sealed with a fixed test key (the one the test settings configure). */
public final class PublicationFixtures {

  public static final byte[] KEY_BYTES =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  public static final SealKeys KEYS = new SealKeys(KEY_BYTES, List.of());

  private PublicationFixtures() {}

  /** Seals made with {@code keys}, at a fixed time, recording nothing. */
  public static PublicationSeals seals(SealKeys keys) {
    return new PublicationSeals(
        keys,
        mock(PublicationMapper.class),
        Clock.fixed(Instant.parse("2022-06-02T02:00:00Z"), ZoneOffset.UTC));
  }

  public static PublicSnapshot snapshot(String departmentName) {
    return new PublicSnapshot(
        "关于加强对网红直播带货市场监督管理的建议",
        departmentName,
        "市九届人大一次会议",
        "911100",
        "SUGGESTION",
        "金淼",
        "昌图县",
        Instant.parse("2021-12-29T02:00:00Z"),
        "一些主播虚假宣传,售卖假冒伪劣商品。",
        "B");
  }

  /** A reply as signed off, public, not yet stored (no id, no seals). */
  public static Publication signed(
      long proposalId,
      String departmentCode,
      long draftId,
      String departmentName,
      String signedText,
      String publicText) {
    return new Publication(
        proposalId,
        departmentCode,
        draftId,
        1,
        "PUBLIC",
        null,
        snapshot(departmentName),
        signedText,
        publicText,
        "scjg.leader",
        Instant.parse("2022-05-30T02:00:00Z"));
  }

  /** A reply as stored at sign-off with {@code id}, sealed with {@code seals}. */
  public static Publication sealed(PublicationSeals seals, long id, Publication signed) {
    ReflectionTestUtils.setField(signed, "id", id);
    seals.sealSigned(signed);
    return signed;
  }
}
