package org.civicflow.domain.proposal;

import java.time.Instant;
import java.util.List;

/** Proposals for tests, built the way registration builds them. */
public final class ProposalFixtures {

  private ProposalFixtures() {}

  public static NewProposal input(String session, String number) {
    return new NewProposal(
        session,
        number,
        ProposalType.SUGGESTION,
        "关于加强对网红直播带货市场监督管理的建议",
        "一些主播虚假宣传,售卖假冒伪劣商品,售后服务不到位。建议提高准入门槛,加强直播广告监管。",
        "市场监管",
        "金淼",
        null,
        List.of("李明", "王芳"),
        "昌图县",
        Instant.parse("2021-12-29T01:00:00Z"));
  }

  public static Proposal registered() {
    return new Proposal(input("市九届人大一次会议", "911100"), 1L, "registrar", Instant.now());
  }

  /** A new unsaved proposal in a stored session. */
  public static Proposal newProposal(long sessionId, String sessionName, String number) {
    return new Proposal(input(sessionName, number), sessionId, "registrar", Instant.now());
  }

  /** Stores a proposal with its co-signers, as registration does. */
  public static Proposal store(
      Proposals proposals, long sessionId, String sessionName, String number) {
    Proposal p = newProposal(sessionId, sessionName, number);
    proposals.add(p);
    return p;
  }
}
