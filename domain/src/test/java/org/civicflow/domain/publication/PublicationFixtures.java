package org.civicflow.domain.publication;

import java.time.Instant;

/** Signed replies for tests, sealed with a fixed test key. */
public final class PublicationFixtures {

  public static final SealKey KEY = () -> "0123456789abcdef0123456789abcdef".getBytes();

  private PublicationFixtures() {}

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

  public static Publication signed(
      long proposalId,
      String departmentCode,
      long draftId,
      String departmentName,
      String signedText,
      String publicText) {
    PublicSnapshot shown = snapshot(departmentName);
    return new Publication(
        proposalId,
        departmentCode,
        draftId,
        shown,
        signedText,
        publicText,
        Seal.sha256(publicText),
        Seal.of(KEY, proposalId, departmentCode, shown, publicText),
        "scjg.leader",
        Instant.parse("2022-05-30T02:00:00Z"));
  }
}
