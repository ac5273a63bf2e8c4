package org.civicflow.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.domain.publication.IntegrityGuard;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.TaskWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What someone who can write to the database might do to a published reply, done by SQL (on H2
 * here, on MariaDB in the MariaDB suite): each change is found, the reply withheld from the page
 * and the API, reported on {@code /admin/integrity} and in the audit log — exactly as a changed
 * text.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PublicationTamperingIT {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntegrityGuard guard;
  @Autowired org.civicflow.domain.publication.ReplyPublishing publishing;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;

  @Autowired org.civicflow.domain.identity.UserManagement accounts;

  private ReplyPublishing replies;
  private String proposer;

  @BeforeEach
  void setUp() {
    replies = new ReplyPublishing(intake, work, inbox, users, management, jdbc);
    proposer = ReplyPublishing.ownProposer(accounts, users, "deputy.tamper");
  }

  private NewProposal proposal(String title) {
    return new NewProposal(
        "市九届人大一次会议",
        "T" + System.nanoTime() % 10_000_000,
        ProposalType.SUGGESTION,
        title,
        "建议内容:加强监管。",
        "市场监管",
        "金淼",
        proposer,
        List.of(),
        "昌图县",
        Instant.now().minusSeconds(60));
  }

  private int status(String path) {
    return http.getForEntity(path, String.class).getStatusCode().value();
  }

  private long proposalOf(long publicationId) {
    return jdbc.queryForObject(
        "SELECT proposal_id FROM cf_publication WHERE id = ?", Long.class, publicationId);
  }

  /** Withheld on the page and in the API, listed for the administrators, audited once. */
  private void assertWithheldAndReported(long id, String problem) {
    guard.sweep();
    ResponseEntity<String> page = http.getForEntity("/public/replies/" + id, String.class);
    assertThat(page.getStatusCode().value()).as("page of %d", id).isEqualTo(503);
    assertThat(page.getBody()).contains("页面正在核查");
    assertThat(status("/api/v1/public/replies/" + id)).as("API of %d", id).isEqualTo(503);
    assertThat(guard.openFailures())
        .filteredOn(f -> f.publicationId() == id)
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).contains(problem));
    guard.sweep();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM cf_audit_event WHERE action = 'publication.tamperDetected'"
                    + " AND object_id = ?",
                Integer.class,
                String.valueOf(id)))
        .as("reported once")
        .isEqualTo(1);
  }

  @Test
  void aReplyTheLeaderMarkedNotPublicSetToPublishedIsWithheld() {
    long id = replies.signNotPublic(proposal("关于不公开答复的建议"), "金淼代表:涉及个人隐私的答复。");
    assertThat(status("/public/replies/" + id)).isEqualTo(404);

    jdbc.update(
        "UPDATE cf_publication SET state = 'PUBLISHED', published_at = ?, published_year = 2026"
            + " WHERE id = ?",
        java.sql.Timestamp.from(Instant.parse("2026-06-01T00:00:00Z")),
        id);

    assertWithheldAndReported(id, "state");
  }

  @Test
  void aWithdrawalUndoneBySqlIsWithheld() {
    long id = replies.publish(proposal("关于撤下后恢复的建议"), "金淼代表:答复正文一。");
    assertThat(status("/public/replies/" + id)).isEqualTo(200);
    publishing.withdrawFromPublicSite(id, "内容需更正", "registrar");

    jdbc.update(
        "UPDATE cf_publication SET state = 'PUBLISHED', withdrawn_at = NULL, withdrawn_by = NULL,"
            + " withdrawal_reason = NULL WHERE id = ?",
        id);

    assertWithheldAndReported(id, "state");
  }

  @Test
  void aWithdrawalUndoneByPuttingBackTheWholeEarlierSealedStateIsWithheld() {
    long id = replies.publish(proposal("关于整行恢复的建议"), "金淼代表:答复正文二。");
    Map<String, Object> published =
        jdbc.queryForMap(
            "SELECT state, published_at, published_year, withdrawn_at, withdrawn_by,"
                + " withdrawal_reason, state_changed_by, state_changed_at, state_seal,"
                + " state_seal_key_id, version FROM cf_publication WHERE id = ?",
            id);
    publishing.withdrawFromPublicSite(id, "内容需更正", "registrar");

    // the row as it was before the withdrawal, seals and all (say, from a backup)
    jdbc.update(
        "UPDATE cf_publication SET state = ?, published_at = ?, published_year = ?,"
            + " withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?, state_changed_by = ?,"
            + " state_changed_at = ?, state_seal = ?, state_seal_key_id = ?, version = ?"
            + " WHERE id = ?",
        published.get("state"),
        published.get("published_at"),
        published.get("published_year"),
        published.get("withdrawn_at"),
        published.get("withdrawn_by"),
        published.get("withdrawal_reason"),
        published.get("state_changed_by"),
        published.get("state_changed_at"),
        published.get("state_seal"),
        published.get("state_seal_key_id"),
        published.get("version"),
        id);

    assertWithheldAndReported(id, "earlier state");
  }

  @Test
  void anOlderSignedVersionPutInPlaceOfTheCurrentOneIsWithheld() {
    long first = replies.publish(proposal("关于再次办理的建议"), "金淼代表:第一次答复。");
    long current =
        replies.republishAfterUnsatisfiedRating(proposalOf(first), proposer, "金淼代表:再次办理后的答复,更具体。");
    assertThat(status("/public/replies/" + current)).isEqualTo(200);

    // the first reply's signed content, seal included, copied over the current one (the draft
    // id is unique: it stays)
    Map<String, Object> old =
        jdbc.queryForMap(
            "SELECT draft_version, signed_text, public_text, content_sha256, seal,"
                + " seal_key_id FROM cf_publication WHERE id = ?",
            first);
    jdbc.update(
        "UPDATE cf_publication SET draft_version = ?, signed_text = ?,"
            + " public_text = ?, content_sha256 = ?, seal = ?, seal_key_id = ? WHERE id = ?",
        old.get("draft_version"),
        old.get("signed_text"),
        old.get("public_text"),
        old.get("content_sha256"),
        old.get("seal"),
        old.get("seal_key_id"),
        current);

    assertWithheldAndReported(current, "what was signed");
    assertThat(status("/public/replies/" + first)).as("the first reply itself").isEqualTo(200);
  }

  @Test
  void aReplyMovedToAnotherProposalIsWithheld() {
    long id = replies.publish(proposal("关于被挪用的答复的建议"), "金淼代表:答复正文三。");
    long other = proposalOf(replies.publish(proposal("关于另一件建议的建议"), "金淼代表:另一答复。"));
    assertThat(status("/public/replies/" + id)).isEqualTo(200);

    jdbc.update("UPDATE cf_publication SET proposal_id = ? WHERE id = ?", other, id);

    assertWithheldAndReported(id, "what was signed");
  }
}
