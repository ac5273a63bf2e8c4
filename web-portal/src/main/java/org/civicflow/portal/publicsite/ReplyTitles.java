package org.civicflow.portal.publicsite;

import org.civicflow.domain.publication.PublicSnapshot;

/** The headline of a published reply, as the government column writes it. */
final class ReplyTitles {

  private ReplyTitles() {}

  /** 对市九届人大一次会议第911100号建议的答复:关于…的建议. */
  static String of(PublicSnapshot s, boolean english) {
    boolean proposal = "PROPOSAL".equals(s.proposalType());
    if (english) {
      return "Reply to "
          + (proposal ? "proposal" : "suggestion")
          + " No. "
          + s.proposalNumber()
          + " of "
          + s.sessionName()
          + ": "
          + s.title();
    }
    return "对"
        + s.sessionName()
        + "第"
        + s.proposalNumber()
        + "号"
        + (proposal ? "提案" : "建议")
        + "的答复:"
        + s.title();
  }
}
