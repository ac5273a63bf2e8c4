package org.civicflow.domain.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.civicflow.domain.MapperTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SummaryMapperTest extends MapperTestBase {

  @Autowired SummaryMapper summaries;
  @Autowired JdbcTemplate jdbc;

  static final Instant AT = Instant.parse("2022-07-01T02:00:00Z");

  private HandlingSummary draft() {
    HandlingSummary s =
        new HandlingSummary(
            proposal.getSessionId(), "会议", "{\"total\":1}", "ab".repeat(32), "registrar", AT);
    summaries.insert(s);
    return s;
  }

  @Test
  void aDraftIsReplacedUntilItIsPublishedOnce() {
    HandlingSummary s = draft();
    assertThat(s.getId()).isNotNull();
    assertThat(summaries.draftOf(proposal.getSessionId()))
        .get()
        .extracting(HandlingSummary::getId)
        .isEqualTo(s.getId());
    assertThat(summaries.replaceDraft(s.getId(), "{\"total\":2}", "cd".repeat(32), "r2", AT))
        .isEqualTo(1);
    HandlingSummary read = summaries.findById(s.getId()).orElseThrow();
    assertThat(read.getFigures()).isEqualTo("{\"total\":2}");
    assertThat(read.getGeneratedBy()).isEqualTo("r2");
    assertThat(read.getState()).isEqualTo(SummaryState.DRAFT);
    assertThat(summaries.published(null)).isEmpty();

    read.published("registrar", AT.plusSeconds(60));
    read.sealed("ef".repeat(32), "k1");
    assertThat(summaries.publish(read)).isEqualTo(1);
    assertThat(summaries.publish(read)).as("published once").isZero();
    assertThat(summaries.replaceDraft(s.getId(), "{}", "00".repeat(32), "x", AT))
        .as("a published summary is never replaced")
        .isZero();
    assertThat(summaries.draftOf(proposal.getSessionId())).isEmpty();
    HandlingSummary published = summaries.findById(s.getId()).orElseThrow();
    assertThat(published.getPublishedAt()).isEqualTo(AT.plusSeconds(60));
    assertThat(published.getSealKeyId()).isEqualTo("k1");
    assertThat(summaries.published(proposal.getSessionId())).hasSize(1);
    assertThat(summaries.published(proposal.getSessionId() + 999)).isEmpty();
    assertThat(summaries.sealKeyIds()).containsExactly("k1");
    assertThat(summaries.sealCountsByKey()).containsExactly(new SummaryMapper.KeySeals("k1", 1));
    assertThat(summaries.all()).extracting(HandlingSummary::getFigures).containsOnlyNulls();
  }

  @Test
  void theRowsOfTheFiguresAreReadPerReplyAndRound() {
    long p = proposal.getId();
    String d = department.code();
    jdbc.update(
        "INSERT INTO cf_assignment (proposal_id, department_code, role, state, due_date,"
            + " sign_for_due_date, assigned_at, assigned_by, first_replied_on)"
            + " VALUES (?, ?, 'LEAD', 'REPLIED', ?, ?, ?, 'r', ?)",
        p,
        d,
        Date.valueOf(LocalDate.parse("2022-08-01")),
        Date.valueOf(LocalDate.parse("2022-07-05")),
        Timestamp.from(AT),
        Date.valueOf(LocalDate.parse("2022-07-20")));
    jdbc.update(
        "INSERT INTO cf_reply_draft (proposal_id, department_code, version, round, reply_text,"
            + " category, contact_method, disclosure, state, author, submitted_at)"
            + " VALUES (?, ?, 1, 1, '答复', 'A', 'VISIT', 'PUBLIC', 'SIGNED', 'h', ?)",
        p,
        d,
        Timestamp.from(AT));
    long draft = jdbc.queryForObject("SELECT MAX(id) FROM cf_reply_draft", Long.class);
    jdbc.update(
        "INSERT INTO cf_publication (proposal_id, department_code, draft_id, title, department_name,"
            + " session_name, proposal_number, proposal_type, proposer, submitted_at,"
            + " suggestion_text, category, signed_text, public_text, content_sha256, seal,"
            + " signed_by, signed_at, state, replied_at)"
            + " VALUES (?, ?, ?, 't', 'dn', 's', '911100', 'SUGGESTION', 'p', ?, 'x', 'A', 'y',"
            + " 'y', ?, 'seal', 'l', ?, 'PUBLISHED', ?)",
        p,
        d,
        draft,
        Timestamp.from(AT),
        "00".repeat(32),
        Timestamp.from(AT),
        Timestamp.from(AT));
    for (int round = 1; round <= 2; round++) {
      jdbc.update(
          "INSERT INTO cf_feedback (proposal_id, department_code, round, work_rating,"
              + " result_rating, given_at) VALUES (?, ?, ?, 'SATISFIED', ?, ?)",
          p,
          d,
          round,
          round == 1 ? "UNSATISFIED" : "BASICALLY_SATISFIED",
          Timestamp.from(AT));
    }
    long session = proposal.getSessionId();

    assertThat(summaries.proposals(session))
        .singleElement()
        .satisfies(r -> assertThat(r.number).isEqualTo("911100"));
    assertThat(summaries.replyingAssignments(session))
        .singleElement()
        .satisfies(r -> assertThat(r.replied).isTrue());
    assertThat(summaries.replies(session))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.category).isEqualTo("A");
              assertThat(r.contactMethod).isEqualTo("VISIT");
            });
    assertThat(summaries.ratings(session))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.firstRating).isEqualTo("UNSATISFIED");
              assertThat(r.finalRating).isEqualTo("BASICALLY_SATISFIED");
            });
    assertThat(summaries.commitments(session)).isEmpty();
  }
}
