package org.civicflow.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.PortalSession;
import org.civicflow.portal.ProposalJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Need to know among similar replies: SCJG answers a proposal with a reply kept off the public site
 * (not public, confirmed by the registrar). A handler of SWJ drafting a similar proposal never sees
 * it — not in the API, not on the drafting page — while SCJG's own handler drafting a similar
 * proposal does, and the registrar does (so the reply is similar enough to be listed at all).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class SimilarRepliesNeedToKnowIT {

  static final String PASSWORD = "Demo@12345";

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  private final String nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  private Caller caller(String username) {
    return Caller.of(users.find(username).orElseThrow());
  }

  private String task(String user, long proposalId, String key) {
    return inbox
        .page(caller(user), new InboxFilter(key, null, null, proposalId, 0, 5))
        .items()
        .get(0)
        .id();
  }

  private void complete(String user, long proposalId, String key, Map<String, Object> body) {
    work.complete(task(user, proposalId, key), body, caller(user));
  }

  /** A proposal on bicycles parked in 琥珀巷, assigned to one department which signed for it. */
  private long signedFor(String title, String content, String department) {
    long id =
        intake
            .register(
                new NewProposal(
                    "市九届人大一次会议",
                    "95" + (System.nanoTime() % 100_000_000L),
                    ProposalType.SUGGESTION,
                    title,
                    content,
                    "城市管理",
                    "金淼",
                    "deputy.jinmiao",
                    List.of(),
                    "昌图县",
                    Instant.now().minusSeconds(3600)),
                caller("registrar"))
            .getId();
    complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    complete("registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", department));
    complete(department.toLowerCase() + ".handler", id, "signFor", Map.of("decision", "ACCEPT"));
    return id;
  }

  /** SCJG's reply to the first proposal, kept off the site; returns its publication id. */
  private long notPublicReplyOfScjg() {
    long id =
        signedFor(
            "关于整治琥珀巷共享单车乱停乱放的建议" + nonce,
            "琥珀巷共享单车乱停乱放,占用盲道和消防通道。建议划定琥珀巷共享单车停放区,督促运营企业及时清运。",
            "SCJG");
    Map<String, Object> draft = new HashMap<>();
    draft.put("replyText", "金淼代表:关于琥珀巷共享单车乱停乱放问题,我局已约谈运营企业,划定琥珀巷共享单车停放区。内部答复" + nonce + "。");
    draft.put("category", "A");
    draft.put("contactMethod", "NONE");
    draft.put("disclosure", "NOT_PUBLIC");
    draft.put("nonDisclosureReason", "涉及企业经营信息");
    complete("scjg.handler", id, "draftReply", draft);
    complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    ProposalJobs.runDue(management, runtime, id);
    complete("registrar", id, "confirmNonDisclosure", Map.of("decision", "CONFIRM"));
    ProposalJobs.runDue(management, runtime, id);
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT id, state FROM cf_publication WHERE proposal_id = ? AND department_code = 'SCJG'",
            id);
    assertThat(row.get("state")).isEqualTo("NOT_PUBLIC");
    return ((Number) row.get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Long> similarReplies(String user, long proposalId) {
    Map<String, Object> page =
        http.withBasicAuth(user, PASSWORD)
            .getForObject(
                "/api/v1/proposals/" + proposalId + "/similar-replies?size=50", Map.class);
    return ((List<Map<String, Object>>) page.get("items"))
        .stream().map(i -> ((Number) i.get("publicationId")).longValue()).toList();
  }

  /** The drafting step's similar replies as its page shows them (the panel it fetches). */
  private String draftingPage(String user, long proposalId) {
    return PortalSession.signIn(port, user, PASSWORD)
        .get("/portal/tasks/" + task(user, proposalId, "draftReply") + "/similar?fragment=true")
        .body();
  }

  @Test
  void anotherDepartmentsNonPublicReplyIsNeverAmongSimilarReplies() {
    long hidden = notPublicReplyOfScjg();
    String similarTitle = "关于规范琥珀巷共享单车停放的建议" + nonce;
    String similarContent = "琥珀巷共享单车停放混乱,占用盲道。建议在琥珀巷划定共享单车停放区,督促企业清运乱停车辆。";
    long atSwj = signedFor(similarTitle, similarContent, "SWJ");
    long atScjg = signedFor(similarTitle, similarContent, "SCJG");

    // the reply is similar: the registrar and SCJG's own handler see it, SCJG's marked not public
    assertThat(similarReplies("registrar", atSwj)).contains(hidden);
    assertThat(similarReplies("scjg.handler", atScjg)).contains(hidden);
    String own = draftingPage("scjg.handler", atScjg);
    assertThat(own).contains("value=\"" + hidden + "\"");

    // SWJ's handler: neither in the API nor on the drafting page
    assertThat(similarReplies("swj.handler", atSwj)).doesNotContain(hidden);
    String other = draftingPage("swj.handler", atSwj);
    assertThat(other)
        .contains("similar-replies-heading")
        .doesNotContain("value=\"" + hidden + "\"")
        .doesNotContain("内部答复" + nonce)
        .doesNotContain("我局已约谈运营企业");
    // nor may SWJ's draft claim to have drawn from it
    Map<String, Object> draft = new HashMap<>();
    draft.put("replyText", "金淼代表:您的建议收悉。");
    draft.put("category", "A");
    draft.put("contactMethod", "NONE");
    draft.put("disclosure", "PUBLIC");
    draft.put("drewFrom", List.of(String.valueOf(hidden)));
    var refused =
        http.withBasicAuth("swj.handler", PASSWORD)
            .postForEntity(
                "/api/v1/tasks/" + task("swj.handler", atSwj, "draftReply") + "/complete",
                draft,
                String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("drewFrom");
  }
}
