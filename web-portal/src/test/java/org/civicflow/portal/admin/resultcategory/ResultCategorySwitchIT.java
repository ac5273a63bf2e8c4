package org.civicflow.portal.admin.resultcategory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Result categories as the city defines them, end to end: a C reply is signed under A/B/C; the
 * admin switches A/B/C/D on over the API; a D reply is drafted and signed; the statistics count it
 * under D, the public filter offers D and finds it, and the earlier C reply keeps C with the label
 * of its time. Drafting refuses a code outside the set in use, requires commitments for C (列入规划)
 * under A/B/C/D, and only admins change the set. The set is switched back to A/B/C at the end.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultCategorySwitchIT {

  private static final String PASSWORD = "Demo@12345";

  /** A proposer of this test's own, so that other suites' lists of 金淼's proposals stay theirs. */
  private static final String PROPOSER = "deputy.categories";

  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired SessionCatalog sessions;
  @Autowired ProposalIntake intake;
  @Autowired Inbox inbox;
  @Autowired TaskWork work;
  @Autowired UserDirectory users;
  @Autowired UserManagement userManagement;
  @Autowired ManagementService management;
  @Autowired ResultCategorySet categories;
  @Autowired JdbcTemplate jdbc;

  String session;
  long c;
  long d;

  @BeforeAll
  void replies() {
    if (users.find(PROPOSER).isEmpty()) {
      userManagement.create(
          new NewUser(
              PROPOSER, "分类测试代表", PASSWORD, null, EnumSet.of(Role.PROPOSER), "银州区", null, null),
          true);
    }
    session = "分类测试会议" + System.nanoTime() % 1_000_000_000;
    sessions.create(Session.of(session, SessionKind.NPC, LocalDate.now().minusMonths(1)));
    assertThat(categories.active().name()).isEqualTo("ABC");
    c = accepted("C001", "关于增设城区公共停车泊位的建议");
    // the C reply is signed and the set switched in one and the same second (the engine's clock
    // stands still): only the set recorded with the reply tells which labels it was signed under
    ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    try {
      reply(c, "C", false);
      ResponseEntity<Map<String, Object>> switched = put("admin", "", Map.of("set", "ABCD"));
      assertThat(switched.getStatusCode().value()).isEqualTo(200);
      assertThat(switched.getBody()).containsEntry("active", "ABCD");
    } finally {
      ClockUtil.reset();
    }

    d = accepted("C002", "关于在老旧小区加装电梯的建议");
  }

  @AfterAll
  void backToAbc() {
    categories.switchTo("ABC", "admin");
  }

  @Test
  @Order(1)
  void draftingFollowsTheSetInUse() {
    // E is no category; C (列入规划) now lists commitments; D (留作参考) lists none
    Map<String, Object> unknown = draft("E", false);
    assertThat(errorsOfDraft(d, unknown)).containsKey("category");
    assertThat(errorsOfDraft(d, draft("C", false))).containsKey("commitments");
    assertThat(errorsOfDraft(d, draft("D", true))).containsKey("commitments");
    Map<String, Object> form = taskOf("scjg.handler", d, "draftReply");
    assertThat(form.get("id")).isNotNull();
    // the form offers the codes in use, and says when commitments are required
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fields = (List<Map<String, Object>>) form.get("form");
    assertThat(fields)
        .filteredOn(f -> "category".equals(f.get("name")))
        .singleElement()
        .satisfies(f -> assertThat(f.get("options")).isEqualTo(List.of("A", "B", "C", "D")));
    assertThat(fields)
        .filteredOn(f -> "commitments".equals(f.get("name")))
        .singleElement()
        .satisfies(f -> assertThat(f.get("requiredWhen")).isEqualTo("category=B|C"));
  }

  @Test
  @Order(2)
  void aDReplyIsCountedUnderDAndFoundByTheFilterWhileTheCReplyKeepsC() {
    reply(d, "D", false);

    Map<String, Object> stats = get("registrar", "/api/v1/stats?session={s}", session).getBody();
    assertThat(stats.get("byReplyCategory"))
        .isEqualTo(
            List.of(
                Map.of("key", "A", "count", 0),
                Map.of("key", "B", "count", 0),
                Map.of("key", "C", "count", 1),
                Map.of("key", "D", "count", 1)));

    long cPublication = publicationOf(c);
    long dPublication = publicationOf(d);
    Map<String, Object> found =
        http.exchange(
                "/api/v1/public/replies?category=D&session={s}", HttpMethod.GET, null, MAP, session)
            .getBody();
    assertThat(ids(found)).containsExactly(dPublication);
    assertThat(
            ids(
                http.exchange(
                        "/api/v1/public/replies?category=C&session={s}",
                        HttpMethod.GET,
                        null,
                        MAP,
                        session)
                    .getBody()))
        .containsExactly(cPublication);

    String list = http.getForObject("/?session={s}", String.class, session);
    assertThat(list).contains("<option value=\"D\"", "D类 留作参考");
    assertThat(http.getForObject("/?session={s}&category=D", String.class, session))
        .contains("C002")
        .doesNotContain("C001");

    // the C reply signed under A/B/C keeps C and its label of the time
    Map<String, Object> cReply =
        http.getForObject("/api/v1/public/replies/" + cPublication, Map.class);
    assertThat(cReply).containsEntry("category", "C");
    assertThat(http.getForObject("/public/replies/" + cPublication, String.class))
        .contains("C类 因条件限制留作参考");
    assertThat(http.getForObject("/public/replies/" + dPublication, String.class))
        .contains("D类 留作参考");
    assertThat(
            jdbc.queryForObject(
                "SELECT CONCAT(category, '/', category_set) FROM cf_publication WHERE id = ?",
                String.class,
                cPublication))
        .isEqualTo("C/ABC");
    assertThat(
            jdbc.queryForObject(
                "SELECT category_set FROM cf_publication WHERE id = ?", String.class, dPublication))
        .isEqualTo("ABCD");
  }

  @Test
  @Order(3)
  void onlyAdminsChangeTheSetAndEveryoneSignedInReadsIt() {
    assertThat(put("registrar", "", Map.of("set", "ABC")).getStatusCode().value()).isEqualTo(403);
    assertThat(
            put("scjg.handler", "/ABCD/D", Map.of("labelZh", "x", "labelEn", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> bad = put("admin", "", Map.of("set", "XYZ"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("fields")).asString().contains("set=");
    ResponseEntity<Map<String, Object>> active = get("scjg.handler", "/api/v1/result-categories");
    assertThat(active.getStatusCode().value()).isEqualTo(200);
    assertThat(active.getBody()).containsEntry("set", "ABCD");
    assertThat(http.getForEntity("/api/v1/result-categories", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  @Order(4)
  void theAdminEditsALabelAndTheChangeIsAudited() {
    ResponseEntity<Map<String, Object>> edited =
        put(
            "admin",
            "/ABCD/D",
            Map.of("labelZh", "留作参考", "labelEn", "kept for reference", "descriptionEn", "later"));
    assertThat(edited.getStatusCode().value()).isEqualTo(200);
    assertThat(edited.getBody())
        .containsEntry("descriptionEn", "later")
        .containsEntry("active", true);
    ResponseEntity<Map<String, Object>> blank =
        put("admin", "/ABCD/D", Map.of("labelZh", " ", "labelEn", "x"));
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(blank.getBody().get("fields")).asString().contains("labelZh=");
    assertThat(
            put("admin", "/ABCD/Q", Map.of("labelZh", "x", "labelEn", "x")).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM cf_audit_event WHERE action = 'resultCategory.edit'"
                    + " AND object_id = 'ABCD/D'",
                Integer.class))
        .isPositive();
    PortalSession admin = PortalSession.signIn(port, "admin", PASSWORD);
    PortalSession.Page page = admin.get("/admin/result-categories");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("A/B/C/D", "列入规划", "ABC → ABCD");
    PortalSession.Page saved =
        admin.post(
            "/admin/result-categories/ABCD/C",
            page.body(),
            Map.of("labelZh", "列入规划", "labelEn", "planned", "requiresCommitments", "true"));
    assertThat(saved.location()).endsWith("/admin/result-categories");
    assertThat(categories.find("ABCD", "C").orElseThrow().updatedBy()).isEqualTo("admin");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ResponseEntity<Map<String, Object>> get(String user, String path, Object... vars) {
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, MAP, vars);
  }

  private ResponseEntity<Map<String, Object>> put(String user, String tail, Object body) {
    return http.withBasicAuth(user, PASSWORD)
        .exchange(
            "/api/v1/admin/result-categories" + tail, HttpMethod.PUT, new HttpEntity<>(body), MAP);
  }

  @SuppressWarnings("unchecked")
  private static List<Long> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("items"))
        .stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  private long publicationOf(long proposalId) {
    return jdbc.queryForObject(
        "SELECT MAX(id) FROM cf_publication WHERE proposal_id = ?", Long.class, proposalId);
  }

  private Map<String, Object> taskOf(String user, long proposalId, String key) {
    String id = tasks(user, proposalId, key).get(0);
    return get(user, "/api/v1/tasks/" + id).getBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> errorsOfDraft(long proposalId, Map<String, Object> body) {
    String id = tasks("scjg.handler", proposalId, "draftReply").get(0);
    ResponseEntity<Map<String, Object>> r =
        http.withBasicAuth("scjg.handler", PASSWORD)
            .exchange(
                "/api/v1/tasks/" + id + "/complete", HttpMethod.POST, new HttpEntity<>(body), MAP);
    assertThat(r.getStatusCode().value()).as(r.toString()).isEqualTo(400);
    Object errors = r.getBody().get("fields");
    return errors instanceof Map<?, ?> m ? (Map<String, Object>) m : r.getBody();
  }

  private static Map<String, Object> draft(String category, boolean commitments) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("replyText", "金淼代表:您提出的建议收悉,现答复如下。我们已经研究并采取了措施。");
    d.put("category", category);
    d.put("contactMethod", "PHONE");
    d.put("contactNote", "承办人电话联系代表");
    d.put("disclosure", "PUBLIC");
    if (commitments) {
      d.put(
          "commitments",
          List.of(
              Map.of(
                  "text", "开展专项检查",
                  "dueDate", LocalDate.now().plusYears(1).toString(),
                  "measure", "检查结果公布")));
    }
    return d;
  }

  private long accepted(String number, String title) {
    long id =
        intake
            .register(
                new NewProposal(
                    session,
                    number,
                    ProposalType.SUGGESTION,
                    title,
                    "建议内容:" + title + "。请有关部门研究办理。",
                    "城建",
                    "金淼",
                    PROPOSER,
                    List.of(),
                    null,
                    Instant.now().minusSeconds(3600)),
                caller("registrar"))
            .getId();
    complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of(), "key", false));
    complete("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    return id;
  }

  private void reply(long id, String category, boolean commitments) {
    complete("scjg.handler", id, "draftReply", draft(category, commitments));
    complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    runJobs();
  }

  private Caller caller(String username) {
    return Caller.of(users.find(username).orElseThrow());
  }

  private List<String> tasks(String user, long proposalId, String key) {
    return inbox
        .page(caller(user), new InboxFilter(key, null, null, proposalId, 0, 5))
        .items()
        .stream()
        .map(t -> t.id())
        .toList();
  }

  private void complete(String user, long proposalId, String key, Map<String, Object> body) {
    List<String> found = tasks(user, proposalId, key);
    assertThat(found).as(user + " " + key).hasSize(1);
    work.complete(found.get(0), new HashMap<>(body), caller(user));
  }

  private void runJobs() {
    for (int round = 0; round < 50; round++) {
      var due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      boolean progressed = false;
      for (var job : due) {
        try {
          management.executeJob(job.getId());
          progressed = true;
        } catch (RuntimeException failed) {
          // another test's job that fails keeps its retries; ours are checked by the figures
        }
      }
      if (!progressed) {
        return;
      }
    }
  }
}
