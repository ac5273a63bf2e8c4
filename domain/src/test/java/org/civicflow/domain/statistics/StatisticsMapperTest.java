package org.civicflow.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.MapperTestBase;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aggregate queries on hand-made rows: what counts as replied, on time, overdue, the latest
 * rating and the latest reply; re-assigned departments do not count.
 */
class StatisticsMapperTest extends MapperTestBase {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @Autowired StatisticsMapper statistics;
  @Autowired JdbcTemplate jdbc;

  private void assignment(
      long proposalId,
      String role,
      String state,
      String stage,
      LocalDate due,
      LocalDate firstRepliedOn,
      LocalDate firstReplyDue) {
    jdbc.update(
        "INSERT INTO cf_assignment (proposal_id, department_code, role, state, stage, due_date,"
            + " sign_for_due_date, assigned_at, assigned_by, first_replied_on, first_reply_due)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, 'registrar', ?, ?)",
        proposalId,
        department.code(),
        role,
        state,
        stage,
        due,
        due.minusMonths(3),
        firstRepliedOn,
        firstReplyDue);
  }

  private void reply(long proposalId, String category, String state, boolean sent) {
    jdbc.update(
        "INSERT INTO cf_reply_draft (proposal_id, department_code, version, round, reply_text,"
            + " category, contact_method, disclosure, state, author, submitted_at)"
            + " VALUES (?, ?, (SELECT COALESCE(MAX(x.version), 0) + 1 FROM cf_reply_draft x"
            + " WHERE x.proposal_id = ?), 1, '答复', ?, 'PHONE', 'PUBLIC', 'SIGNED', 'h',"
            + " CURRENT_TIMESTAMP)",
        proposalId,
        department.code(),
        proposalId,
        category);
    Long draft =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM cf_reply_draft WHERE proposal_id = ?", Long.class, proposalId);
    jdbc.update(
        "INSERT INTO cf_publication (proposal_id, department_code, draft_id, title,"
            + " department_name, session_name, proposal_number, proposal_type, proposer,"
            + " submitted_at, suggestion_text, category, signed_text, public_text, content_sha256,"
            + " seal, signed_by, signed_at, state, replied_at)"
            + " VALUES (?, ?, ?, 't', 'd', 's', 'n', 'SUGGESTION', 'p', CURRENT_TIMESTAMP, 'x', ?,"
            + " 'r', 'r', 'h', 's', 'l', CURRENT_TIMESTAMP, ?, "
            + (sent ? "CURRENT_TIMESTAMP" : "NULL")
            + ")",
        proposalId,
        department.code(),
        draft,
        category,
        state);
  }

  private void rating(long proposalId, int round, String work, String result) {
    jdbc.update(
        "INSERT INTO cf_feedback (proposal_id, department_code, round, work_rating, result_rating,"
            + " given_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
        proposalId,
        department.code(),
        round,
        work,
        result);
  }

  private Proposal another(String number) {
    return ProposalFixtures.store(
        proposals, proposal.getSessionId(), proposal.getSessionName(), number);
  }

  @Test
  void countsRepliedOnTimeLateAndOverdueAssignments() {
    long onTime = proposal.getId();
    long late = another("911101").getId();
    long open = another("911102").getId();
    long reassigned = another("911103").getId();
    // replied on its deadline, now in the second round with a later deadline
    assignment(
        onTime,
        "LEAD",
        "SIGNED_FOR",
        "DRAFTING",
        TODAY.plusDays(20),
        TODAY.minusDays(30),
        TODAY.minusDays(30));
    // replied a day late, waiting for the rating: late, but no longer overdue
    assignment(
        late,
        "LEAD",
        "SIGNED_FOR",
        "AWAITING_FEEDBACK",
        TODAY.minusDays(10),
        TODAY.minusDays(9),
        TODAY.minusDays(10));
    // still drafting three days after its deadline: overdue, and not on time
    assignment(open, "LEAD", "SIGNED_FOR", "DRAFTING", TODAY.minusDays(3), null, null);
    // a co-handling department past the deadline: overdue, not part of the on-time rate
    assignment(open, "CO", "SIGNED_FOR", null, TODAY.minusDays(3), null, null);
    // taken away by a re-assignment: not counted
    assignment(reassigned, "LEAD", "RELEASED", "DRAFTING", TODAY.minusDays(3), null, null);

    List<StatisticsRows.DepartmentRow> rows =
        statistics.departments(proposal.getSessionId(), TODAY);
    assertThat(rows).hasSize(1);
    StatisticsRows.DepartmentRow d = rows.get(0);
    assertThat(d.code).isEqualTo(department.code());
    assertThat(d.name).isEqualTo(department.name());
    assertThat(d.assigned).isEqualTo(4);
    assertThat(d.replying).isEqualTo(3);
    assertThat(d.coHandling).isEqualTo(1);
    assertThat(d.openCount).isEqualTo(4);
    assertThat(d.replied).isEqualTo(2);
    assertThat(d.onTime).isEqualTo(1);
    assertThat(d.lateUnreplied).isEqualTo(1);
    assertThat(d.overdue).isEqualTo(2);

    assertThat(statistics.overdue(proposal.getSessionId(), TODAY))
        .extracting(r -> r.number + " " + r.role + " " + r.dueDate)
        .containsExactly("911102 LEAD " + TODAY.minusDays(3), "911102 CO " + TODAY.minusDays(3));
  }

  @Test
  void listsOneDepartmentsItemsStillWorkedOnByDeadline() {
    long drafting = proposal.getId();
    long replied = another("911111").getId();
    long early = another("911112").getId();
    assignment(drafting, "LEAD", "SIGNED_FOR", "DRAFTING", TODAY.plusDays(5), null, null);
    assignment(replied, "LEAD", "SIGNED_FOR", "AWAITING_FEEDBACK", TODAY.plusDays(1), TODAY, TODAY);
    assignment(early, "CO", "AWAITING_SIGN_FOR", null, TODAY.minusDays(2), null, null);
    assertThat(statistics.openOfDepartment(proposal.getSessionId(), department.code()))
        .extracting(r -> r.number + " " + r.role)
        .containsExactly("911112 CO", proposal.getNumber() + " LEAD");
    assertThat(statistics.openOfDepartment(proposal.getSessionId(), "NOBODY")).isEmpty();
  }

  @Test
  void takesTheLatestRoundOfRatingsAndTheLatestSentReply() {
    long first = proposal.getId();
    long second = another("911201").getId();
    long third = another("911202").getId();
    rating(first, 1, "SATISFIED", "UNSATISFIED");
    rating(first, 2, "BASICALLY_SATISFIED", "SATISFIED");
    rating(second, 1, "UNSATISFIED", "BASICALLY_SATISFIED");
    rating(third, 1, null, null);
    reply(first, "C", "PUBLISHED", true);
    reply(first, "A", "PUBLISHED", true);
    reply(second, "B", "NOT_PUBLIC", true);
    reply(second, "A", "VOIDED", false);
    reply(third, "C", "SIGNED", false);

    assertThat(statistics.ratings(proposal.getSessionId()))
        .extracting(r -> r.workRating + "/" + r.resultRating + "=" + r.n)
        .containsExactlyInAnyOrder(
            "BASICALLY_SATISFIED/SATISFIED=1", "UNSATISFIED/BASICALLY_SATISFIED=1", "null/null=1");
    assertThat(statistics.countByReplyCategory(proposal.getSessionId()))
        .extracting(r -> r.bucket + "=" + r.n)
        .containsExactlyInAnyOrder("A=1", "B=1");
  }

  @Test
  void countsProposalsByStatusCategoryAndDelegation() {
    another("911301");
    long sessionId = proposal.getSessionId();
    assertThat(statistics.countByStatus(sessionId))
        .extracting(r -> r.bucket + "=" + r.n)
        .containsExactly("REGISTERED=2");
    assertThat(statistics.countByCategory(sessionId))
        .extracting(r -> r.bucket + "=" + r.n)
        .containsExactly("市场监管=2");
    assertThat(statistics.countByDelegation(sessionId))
        .extracting(r -> r.bucket + "=" + r.n)
        .containsExactly("昌图县=2");
    assertThat(statistics.keyProposals(sessionId)).isEmpty();
  }

  @Test
  void rateNeverDividesByZero() {
    assertThat(Rate.of(0, 0).percent()).isNull();
    assertThat(Rate.of(2, 3).percent()).isEqualByComparingTo("66.7");
    assertThat(Rate.of(1, 8).percent()).isEqualByComparingTo("12.5");
    assertThat(Rate.of(3, 5).percent()).isEqualByComparingTo("60.0");
  }
}
