package org.civicflow.domain.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.MapperTestBase;
import org.civicflow.domain.reply.CommitmentMapper;
import org.civicflow.domain.reply.CommitmentState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class FollowUpMapperTest extends MapperTestBase {

  @Autowired FollowUpMapper followUp;
  @Autowired CommitmentMapper commitments;
  @Autowired JdbcTemplate jdbc;

  static final Instant AT = Instant.parse("2022-07-01T02:00:00Z");

  /** A draft with one commitment, stored as the drafting service stores it. */
  private long commitment() {
    jdbc.update(
        "INSERT INTO cf_reply_draft (proposal_id, department_code, version, round, reply_text,"
            + " category, contact_method, disclosure, state, author, submitted_at)"
            + " VALUES (?, ?, 1, 1, '答复', 'B', 'NONE', 'PUBLIC', 'SIGNED', 'h', ?)",
        proposal.getId(),
        department.code(),
        java.sql.Timestamp.from(AT));
    long draft = jdbc.queryForObject("SELECT MAX(id) FROM cf_reply_draft", Long.class);
    jdbc.update(
        "INSERT INTO cf_commitment (draft_id, proposal_id, department_code, seq, text, due_date,"
            + " measure, state) VALUES (?, ?, ?, 1, '建立监测名单', ?, '名单印发', 'OPEN')",
        draft,
        proposal.getId(),
        department.code(),
        java.sql.Date.valueOf(LocalDate.parse("2022-12-31")));
    return jdbc.queryForObject("SELECT MAX(id) FROM cf_commitment", Long.class);
  }

  @Test
  void reportsMoveOnlyFromTheStateExpected() {
    long c = commitment();
    followUp.insertReport(
        new CommitmentReport(null, c, ReportKind.PROGRESS, "摸底完成", ReportState.SUBMITTED, "h", AT));
    CommitmentReport r = followUp.latestReport(c).orElseThrow();
    assertThat(r.id()).isNotNull();
    assertThat(r.kind()).isEqualTo(ReportKind.PROGRESS);
    assertThat(followUp.updateReportState(r.id(), ReportState.SUBMITTED, ReportState.APPROVED))
        .isEqualTo(1);
    assertThat(followUp.updateReportState(r.id(), ReportState.SUBMITTED, ReportState.RETURNED))
        .isZero();
    assertThat(followUp.reportsOfProposal(proposal.getId()))
        .singleElement()
        .satisfies(x -> assertThat(x.approved()).isTrue());
  }

  @Test
  void aSupplementaryReplyIsSealedAndSentOnce() {
    long c = commitment();
    SupplementaryReply s =
        new SupplementaryReply(
            c, 1L, 99L, proposal.getId(), department.code(), "已兑现", "ab".repeat(32), "l", AT);
    followUp.insertSupplementary(s);
    assertThat(s.getId()).isNotNull();
    s.sealed("cd".repeat(32), "k1");
    assertThat(followUp.updateSupplementarySeal(s)).isEqualTo(1);
    assertThat(followUp.updateSupplementarySeal(s)).as("sealed once").isZero();
    assertThat(followUp.markSupplementarySent(s.getId(), AT)).isEqualTo(1);
    assertThat(followUp.markSupplementarySent(s.getId(), AT)).as("sent once").isZero();
    SupplementaryReply read = followUp.supplementaryOf(c).orElseThrow();
    assertThat(read.getSeal()).isEqualTo("cd".repeat(32));
    assertThat(read.getSentAt()).isEqualTo(AT);
    assertThat(followUp.supplementariesOfPublication(99L)).hasSize(1);
    assertThat(commitments.updateState(c, List.of(CommitmentState.OPEN), CommitmentState.KEPT, AT))
        .isEqualTo(1);
    assertThat(commitments.findById(c).orElseThrow().getKeptAt()).isEqualTo(AT);
    assertThat(
            commitments.updateState(
                c, List.of(CommitmentState.OPEN), CommitmentState.OVERDUE, null))
        .as("a kept commitment is not made overdue")
        .isZero();
  }

  @Test
  void categoryDecisionsAreKeptInOrder() {
    followUp.insertCategoryDecision(
        new ResultCategoryDecision(
            null, 99L, proposal.getId(), department.code(), "B", "A", "兑现", "registrar", AT));
    assertThat(followUp.categoryDecisionsOfPublication(99L))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.fromCategory()).isEqualTo("B");
              assertThat(d.toCategory()).isEqualTo("A");
              assertThat(d.decidedBy()).isEqualTo("registrar");
            });
    assertThat(followUp.categoryDecisionsOfProposal(proposal.getId())).hasSize(1);
  }
}
