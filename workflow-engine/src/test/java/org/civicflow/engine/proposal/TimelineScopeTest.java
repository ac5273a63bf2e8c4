package org.civicflow.engine.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.engine.proposal.ProposalView.Standing;
import org.junit.jupiter.api.Test;

/** Which audit events each viewer finds in a proposal's timeline. */
class TimelineScopeTest {

  static final Instant RELEASED_AT = Instant.parse("2022-01-10T02:00:00Z");
  static final Instant BEFORE = RELEASED_AT.minusSeconds(3600);
  static final Instant AFTER = RELEASED_AT.plusSeconds(3600);

  static final ProposalView ALL = new ProposalView(Standing.ALL, null, null, Set.of());
  static final ProposalView LEAD =
      new ProposalView(Standing.HANDLING, "SCJG", null, Set.of("SCJG"));
  static final ProposalView CO =
      new ProposalView(Standing.CO_HANDLING, "WXB", null, Set.of("SCJG"));
  static final ProposalView RELEASED =
      new ProposalView(Standing.RELEASED, "GAJ", RELEASED_AT, Set.of("SCJG"));
  static final ProposalView PROPOSER = new ProposalView(Standing.PROPOSER, null, null, Set.of());

  private static AuditEvent event(String action, String detail, Instant at) {
    return new AuditEvent(1L, at, "someone", action, "proposal", "1", AuditLog.OK, detail, null);
  }

  @Test
  void theLeadsDraftsAndDecisionsAreItsOwn() {
    AuditEvent review = event("draft.review", "SCJG v1 RETURN: 请补充", BEFORE);
    assertThat(TimelineScope.sees(LEAD, review)).isTrue();
    assertThat(TimelineScope.sees(ALL, review)).isTrue();
    assertThat(TimelineScope.sees(CO, review)).isFalse();
    assertThat(TimelineScope.sees(RELEASED, review)).isFalse();
    assertThat(TimelineScope.sees(PROPOSER, review)).isFalse();
    AuditEvent claim = event("task.claim", "reviewDraft SCJG", BEFORE);
    assertThat(TimelineScope.departmentOf(claim)).isEqualTo("SCJG");
    assertThat(TimelineScope.sees(LEAD, claim)).isTrue();
    assertThat(TimelineScope.sees(CO, claim)).isFalse();
  }

  @Test
  void theRegistrarsCommentsGoToTheDepartmentTheyConcern() {
    AuditEvent supervision = event("assignment.supervise", "SCJG: 请本周内提交", BEFORE);
    assertThat(TimelineScope.sees(LEAD, supervision)).isTrue();
    assertThat(TimelineScope.sees(CO, supervision)).isFalse();
    assertThat(TimelineScope.sees(PROPOSER, supervision)).isFalse();
    AuditEvent reassignment = event("assignment.decideReassignment", "GAJ APPROVE: 同意", AFTER);
    assertThat(TimelineScope.sees(RELEASED, reassignment)).as("its own, even later").isTrue();
    assertThat(TimelineScope.sees(LEAD, reassignment)).isFalse();
  }

  @Test
  void aSentReplyIsNewsForEveryoneButTheReleased() {
    AuditEvent sent = event("reply.send", "SCJG", AFTER);
    assertThat(TimelineScope.sees(CO, sent)).isTrue();
    assertThat(TimelineScope.sees(PROPOSER, sent)).isTrue();
    assertThat(TimelineScope.sees(RELEASED, sent)).isFalse();
    AuditEvent assigned = event("assignment.assign", "LEAD_CO [SCJG:LEAD]", BEFORE);
    assertThat(TimelineScope.sees(RELEASED, assigned)).isTrue();
    assertThat(TimelineScope.sees(RELEASED, event("assignment.assign", "again", AFTER))).isFalse();
  }

  @Test
  void theLeadReadsTheOpinionsSentToItRefusalsAndUnknownEventsAreTheRegistrars() {
    AuditEvent opinion = event("coOpinion.submit", "WXB", BEFORE);
    assertThat(TimelineScope.sees(LEAD, opinion)).isTrue();
    assertThat(TimelineScope.sees(CO, opinion)).isTrue();
    assertThat(TimelineScope.sees(PROPOSER, opinion)).isFalse();
    AuditEvent refused =
        new AuditEvent(
            2L, BEFORE, "x", "draft.review", "proposal", "1", AuditLog.DENIED, "SCJG v1", null);
    assertThat(TimelineScope.sees(LEAD, refused)).isFalse();
    assertThat(TimelineScope.sees(ALL, refused)).isTrue();
    AuditEvent released = event("task.release", "reviewDraft ← scjg.reviewer", BEFORE);
    assertThat(TimelineScope.sees(LEAD, released)).isFalse();
    assertThat(TimelineScope.sees(ALL, released)).isTrue();
  }
}
