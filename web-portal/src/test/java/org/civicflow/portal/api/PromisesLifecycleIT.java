package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The hold-out lifecycle of issue 21: a B reply with two commitments; one is kept with evidence and
 * signed as a supplementary reply (published under the original, the proposer notified); the other
 * passes its date and reaches the registrar's supervision; the public page shows both with their
 * state; once the second is kept late, the registrar moves the category B → A — recorded beside the
 * signed reply, which stays B.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PromisesLifecycleIT {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  ApiClient api;
  ProposalFixture proposals;
  Jobs jobs;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    proposals = new ProposalFixture(api);
    jobs = new Jobs(management);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private long repliedWithTwoCommitments(LocalDate today) {
    return repliedWith(
        List.of(
            Map.of(
                "text", "建立直播带货重点账号监测名单",
                "dueDate", today.plusDays(30).toString(),
                "measure", "名单印发,每月抽查"),
            Map.of(
                "text", "印发直播营销合规指引",
                "dueDate", today.plusDays(10).toString(),
                "measure", "指引在政府网站公布")));
  }

  private long repliedWith(List<Map<String, Object>> commitments) {
    long id =
        proposals.repliedByScjg(
            "L",
            "关于规范直播带货的建议",
            "建议加强直播带货监管。",
            "金淼代表:\n\n您的建议收悉。我局将建立重点账号监测名单,并印发合规指引。",
            commitments);
    jobs.runDue();
    return id;
  }

  private String taskOf(String user, long id, String key, long commitmentId) {
    return api.tasks(user, id, key).stream()
        .filter(t -> ((Number) t.get("commitmentId")).longValue() == commitmentId)
        .map(t -> (String) t.get("id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(user + " has no " + key + " of " + commitmentId));
  }

  private void complete(String user, String taskId, Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> r =
        api.post(user, "/api/v1/tasks/" + taskId + "/complete", body);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(204);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> commitments(String user, long id) {
    return (List<Map<String, Object>>) api.proposal(user, id).get("commitments");
  }

  private long commitmentId(long id, String text) {
    return commitments("registrar", id).stream()
        .filter(c -> text.equals(c.get("text")))
        .map(c -> ((Number) c.get("id")).longValue())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCommitmentDueAfter2038WaitsForItsDate() {
    // on MariaDB, server-prepared statements once stored such dates as NULL: the timers fired at
    // once
    long id =
        repliedWith(
            List.of(Map.of("text", "建成全市直播电商监测平台", "dueDate", "2099-12-31", "measure", "平台上线")));
    long commitment = commitmentId(id, "建成全市直播电商监测平台");
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("commitmentFollowUp")
            .variableValueEquals("commitmentId", commitment)
            .singleResult()
            .getId();

    assertThat(management.createJobQuery().processInstanceId(instance).timers().list())
        .as("the reminders and the date itself, all waiting")
        .hasSize(3)
        .allSatisfy(
            j ->
                assertThat(j.getDuedate())
                    .isAfter(java.sql.Timestamp.valueOf("2099-11-01 00:00:00")))
        .extracting(j -> j.getDuedate().toInstant())
        .contains(LocalDate.of(2100, 1, 1).atStartOfDay(CITY).toInstant());
    assertThat(commitments("registrar", id))
        .singleElement()
        .extracting(c -> c.get("state"))
        .isEqualTo("OPEN");
    assertThat(api.tasks("registrar", id, "superviseCommitment")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void oneKeptWithASupplementaryReplyTheOtherOverdueThenTheCategoryMoves() {
    LocalDate today = LocalDate.now(CITY);
    long id = repliedWithTwoCommitments(today);
    long kept = commitmentId(id, "建立直播带货重点账号监测名单");
    long late = commitmentId(id, "印发直播营销合规指引");
    assertThat(api.tasks("scjg.handler", id, "reportCommitment"))
        .as("one follow-up per commitment, the inbox row names it")
        .extracting(t -> ((Number) t.get("commitmentId")).longValue())
        .containsExactlyInAnyOrder(kept, late);

    // progress, then fulfilment with evidence; the reviewer returns once, then approves
    complete(
        "scjg.handler",
        taskOf("scjg.handler", id, "reportCommitment", kept),
        Map.of("kind", "PROGRESS", "text", "已完成主播账号摸底,名单起草中。"));
    complete(
        "scjg.reviewer",
        taskOf("scjg.reviewer", id, "reviewCommitmentReport", kept),
        Map.of("decision", "APPROVE"));
    ResponseEntity<Map<String, Object>> bad =
        api.post(
            "scjg.handler",
            "/api/v1/tasks/" + taskOf("scjg.handler", id, "reportCommitment", kept) + "/complete",
            Map.of("kind", "DONE"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat((Map<String, Object>) bad.getBody().get("fields")).containsKeys("kind", "text");
    complete(
        "scjg.handler",
        taskOf("scjg.handler", id, "reportCommitment", kept),
        Map.of("kind", "KEPT", "text", "监测名单已于本月印发(市监发〔2026〕8号),共列入重点账号326个,每月抽查记录存档。"));
    complete(
        "scjg.reviewer",
        taskOf("scjg.reviewer", id, "reviewCommitmentReport", kept),
        Map.of("decision", "APPROVE", "comment", "同意"));
    complete(
        "scjg.leader",
        taskOf("scjg.leader", id, "signSupplementaryReply", kept),
        Map.of("decision", "APPROVE", "comment", "同意签发补充答复"));
    jobs.runDue();

    Map<String, Object> keptOne =
        commitments("deputy.jinmiao", id).stream()
            .filter(c -> ((Number) c.get("id")).longValue() == kept)
            .findFirst()
            .orElseThrow();
    assertThat(keptOne).containsEntry("state", "KEPT");
    assertThat((List<Map<String, Object>>) keptOne.get("reports"))
        .extracting(r -> r.get("kind"))
        .containsExactly("PROGRESS", "KEPT");
    assertThat((Map<String, Object>) keptOne.get("supplementaryReply"))
        .containsKeys("contentSha256", "sentAt");
    Map<String, Object> notices =
        api.ok(api.get("deputy.jinmiao", "/api/v1/notifications?size=50"));
    assertThat((List<Map<String, Object>>) notices.get("items"))
        .as("the proposer is told of the supplementary reply")
        .anySatisfy(
            n -> {
              assertThat(n.get("kind")).isEqualTo("SUPPLEMENTARY_SENT");
              assertThat(((Number) n.get("proposalId")).longValue()).isEqualTo(id);
            });
    assertThat(api.tasks("registrar", id, "decideResultCategory"))
        .as("the other commitment is open")
        .isEmpty();

    // the other one passes its date: overdue, supervised by the registrar
    Jobs.moveClockDays(12);
    try {
      jobs.runDue();
      assertThat(
              commitments("registrar", id).stream()
                  .filter(c -> ((Number) c.get("id")).longValue() == late)
                  .findFirst()
                  .orElseThrow())
          .containsEntry("state", "OVERDUE");
      complete(
          "registrar",
          taskOf("registrar", id, "superviseCommitment", late),
          Map.of("comment", "已电话督办,要求月底前印发。"));

      // the statistics count them; the overdue one is on the supervision list
      Map<String, Object> stats = api.ok(api.get("registrar", "/api/v1/stats?session=市九届人大一次会议"));
      Map<String, Object> all = (Map<String, Object>) stats.get("commitments");
      assertThat(((Number) all.get("made")).longValue()).isGreaterThanOrEqualTo(2);
      assertThat(((Number) all.get("keptOnTime")).longValue()).isGreaterThanOrEqualTo(1);
      assertThat(((Number) all.get("overdue")).longValue()).isGreaterThanOrEqualTo(1);
      assertThat(all).containsKeys("keptLate", "open");
      assertThat((List<Map<String, Object>>) stats.get("overdueCommitments"))
          .anySatisfy(
              o -> assertThat(((Number) o.get("commitmentId")).longValue()).isEqualTo(late));
      assertThat((List<Map<String, Object>>) stats.get("byDepartment"))
          .filteredOn(d -> "SCJG".equals(d.get("code")))
          .singleElement()
          .satisfies(
              d -> assertThat((Map<String, Object>) d.get("commitments")).containsKey("made"));

      // the public page shows both, each with its state, and the supplementary reply under it
      long publication =
          ((Number)
                  ((Map<String, Object>) api.proposal("registrar", id).get("publication"))
                      .get("id"))
              .longValue();
      Map<String, Object> reply =
          http.getForObject("/api/v1/public/replies/" + publication, Map.class);
      assertThat((List<Map<String, Object>>) reply.get("commitments"))
          .extracting(c -> c.get("text"), c -> c.get("state"))
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("建立直播带货重点账号监测名单", "KEPT"),
              org.assertj.core.groups.Tuple.tuple("印发直播营销合规指引", "OVERDUE"));
      Map<String, Object> supplementary =
          (Map<String, Object>)
              ((List<Map<String, Object>>) reply.get("commitments"))
                  .get(0)
                  .get("supplementaryReply");
      assertThat((String) supplementary.get("text")).contains("监测名单已于本月印发");
      assertThat(supplementary.get("contentSha256"))
          .isEqualTo(sha256((String) supplementary.get("text")));
      String page = http.getForObject("/public/replies/" + publication, String.class);
      assertThat(page).contains("已兑现", "已逾期", "补充答复", "监测名单已于本月印发");

      // kept late: then every commitment is kept and the registrar moves the category B → A
      complete(
          "scjg.handler",
          taskOf("scjg.handler", id, "reportCommitment", late),
          Map.of("kind", "KEPT", "text", "合规指引已印发并在政府网站公布。"));
      complete(
          "scjg.reviewer",
          taskOf("scjg.reviewer", id, "reviewCommitmentReport", late),
          Map.of("decision", "APPROVE"));
      complete(
          "scjg.leader",
          taskOf("scjg.leader", id, "signSupplementaryReply", late),
          Map.of("decision", "APPROVE"));
      jobs.runDue();
      String decide = taskOf("registrar", id, "decideResultCategory", late);
      var portal = org.civicflow.portal.PortalSession.signIn(port, "registrar", ApiClient.PASSWORD);
      var taskPage = portal.get("/portal/tasks/" + decide);
      assertThat(taskPage.status()).as(taskPage.body()).isEqualTo(200);
      assertThat(taskPage.body()).contains("决定办理结果类别", "印发直播营销合规指引", "合规指引已印发");
      complete("registrar", decide, Map.of("category", "A", "comment", "承诺事项均已兑现"));
      var proposalPage = portal.get("/portal/proposals/" + id);
      assertThat(proposalPage.status()).as(proposalPage.body()).isEqualTo(200);
      assertThat(proposalPage.body()).contains("承诺事项", "补充答复", "监测名单已于本月印发", "B → A");
    } finally {
      ClockUtil.reset();
    }
    Map<String, Object> detail = api.proposal("registrar", id);
    assertThat((List<Map<String, Object>>) detail.get("resultCategories"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d).containsEntry("fromCategory", "B").containsEntry("toCategory", "A");
              assertThat(d).containsEntry("decidedBy", "registrar");
            });
    long publication =
        ((Number) ((Map<String, Object>) detail.get("publication")).get("id")).longValue();
    Map<String, Object> reply =
        http.getForObject("/api/v1/public/replies/" + publication, Map.class);
    assertThat(reply)
        .as("the signed original keeps its category")
        .containsEntry("category", "B")
        .containsEntry("resultCategory", "A");
  }

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
