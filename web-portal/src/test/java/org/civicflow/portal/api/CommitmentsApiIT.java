package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Commitments (承诺事项) in the draft: required for a category that promises action, refused for one
 * that does not, due after today; shown in the diff, the detail, and under the public reply.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class CommitmentsApiIT {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
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

  private long drafting() {
    return proposals.signedForByScjg("C", "关于加强电动自行车充电安全的建议", "建议加强充电设施建设和安全检查。");
  }

  static Map<String, Object> draft(String category, List<Map<String, Object>> commitments) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("replyText", "金淼代表:\n\n您的建议收悉。我局将开展充电安全专项检查。");
    d.put("category", category);
    d.put("contactMethod", "PHONE");
    d.put("contactNote", "电话沟通");
    d.put("disclosure", "PUBLIC");
    if (commitments != null) {
      d.put("commitments", commitments);
    }
    return d;
  }

  static Map<String, Object> commitment(String text, LocalDate due, String measure) {
    return Map.of("text", text, "dueDate", due.toString(), "measure", measure);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> refused(long id, Map<String, Object> body) {
    String task = (String) api.tasks("scjg.handler", id, "draftReply").get(0).get("id");
    ResponseEntity<Map<String, Object>> r =
        api.post("scjg.handler", "/api/v1/tasks/" + task + "/complete", body);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
    return (Map<String, Object>) r.getBody().get("fields");
  }

  @Test
  void theCommitmentsAreCheckedAsTheIssueSays() {
    long id = drafting();
    LocalDate today = LocalDate.now(CITY);
    assertThat(refused(id, draft("B", null))).containsKey("commitments");
    assertThat(refused(id, draft("B", List.of()))).containsKey("commitments");
    assertThat(refused(id, draft("A", List.of(commitment("开展检查", today.plusMonths(1), "结果公布")))))
        .containsKey("commitments");
    assertThat(refused(id, draft("C", List.of(commitment("开展检查", today.plusMonths(1), "结果公布")))))
        .containsKey("commitments");
    assertThat(refused(id, draft("B", List.of(commitment("开展检查", today, "结果公布")))))
        .containsKey("commitments[0].dueDate");
    assertThat(
            refused(
                id,
                draft(
                    "B",
                    List.of(
                        commitment("开展检查", today.plusDays(1), "结果公布"),
                        commitment("建设充电桩", today.minusDays(3), "建成验收")))))
        .containsOnlyKeys("commitments[1].dueDate");
    Map<String, Object> noDate = new LinkedHashMap<>(draft("B", null));
    noDate.put("commitments", List.of(Map.of("text", "开展检查", "dueDate", "明年", "measure", "")));
    assertThat(refused(id, noDate))
        .containsKeys("commitments[0].dueDate", "commitments[0].measure");
    assertThat(api.tasks("scjg.reviewer", id, "reviewDraft")).as("nothing saved").isEmpty();
    assertThat(api.proposal("registrar", id).get("drafts")).asList().isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePortalFormTakesOneCommitmentALineAndNamesTheProblem() {
    long id = drafting();
    String task = (String) api.tasks("scjg.handler", id, "draftReply").get(0).get("id");
    var handler =
        org.civicflow.portal.PortalSession.signIn(port, "scjg.handler", ApiClient.PASSWORD);
    var form = handler.get("/portal/tasks/" + task);
    assertThat(form.body()).contains("name=\"commitments\"");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("replyText", "金淼代表:您的建议收悉。");
    fields.put("category", "B");
    fields.put("contactMethod", "NONE");
    fields.put("disclosure", "PUBLIC");
    fields.put("commitments", "建设充电桩 | " + LocalDate.now(CITY) + " | 建成验收");
    var refused = handler.post("/portal/tasks/" + task, form.body(), fields);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("err-commitments", "第1项承诺", "完成日期必须晚于今天");
    fields.put(
        "commitments",
        "建设充电桩 | "
            + LocalDate.now(CITY).plusMonths(2)
            + " | 建成验收\n\n检查电动车棚 ｜ "
            + LocalDate.now(CITY).plusMonths(3)
            + " ｜ 检查报告公布");
    var done = handler.post("/portal/tasks/" + task, refused.body(), fields);
    assertThat(done.status()).as(done.body()).isEqualTo(302);
    assertThat(
            (List<Object>)
                ((List<Map<String, Object>>) api.proposal("registrar", id).get("drafts"))
                    .get(0)
                    .get("commitments"))
        .hasSize(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCommitmentsAreReviewedSignedAndPublishedWithTheReply() {
    long id = drafting();
    LocalDate due = LocalDate.now(CITY).plusMonths(6);
    api.complete(
        "scjg.handler",
        id,
        "draftReply",
        draft("B", List.of(commitment("建设100个充电桩", due, "建成并验收"))));
    api.complete(
        "scjg.reviewer", id, "reviewDraft", Map.of("decision", "RETURN", "comment", "请补充安全检查的时限"));
    api.complete(
        "scjg.handler",
        id,
        "draftReply",
        draft(
            "B",
            List.of(
                commitment("建设100个充电桩", due, "建成并验收"),
                commitment("完成小区充电安全检查", due.plusMonths(3), "检查报告公布"))));

    // the reviewer sees what changed in the commitments too
    Map<String, Object> diff =
        api.ok(api.get("scjg.reviewer", "/api/v1/proposals/" + id + "/drafts/2/diff"));
    List<Map<String, Object>> segments = (List<Map<String, Object>>) diff.get("commitmentSegments");
    assertThat(segments)
        .anySatisfy(
            s -> {
              assertThat(s.get("op")).isEqualTo("INSERT");
              assertThat((String) s.get("text")).contains("完成小区充电安全检查");
            });
    Map<String, Object> detail = api.proposal("scjg.reviewer", id);
    List<Map<String, Object>> drafts = (List<Map<String, Object>>) detail.get("drafts");
    assertThat((List<Object>) drafts.get(1).get("commitments")).hasSize(2);
    assertThat((List<Object>) detail.get("commitments")).as("not signed yet").isEmpty();

    String review = (String) api.tasks("scjg.reviewer", id, "reviewDraft").get(0).get("id");
    var reviewer =
        org.civicflow.portal.PortalSession.signIn(port, "scjg.reviewer", ApiClient.PASSWORD);
    var reviewPage = reviewer.get("/portal/tasks/" + review);
    assertThat(reviewPage.status()).isEqualTo(200);
    assertThat(reviewPage.body()).contains("承诺事项的变化", "完成小区充电安全检查", "检查报告公布");
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    jobs.runDue();

    for (String viewer : List.of("registrar", "scjg.handler", "deputy.jinmiao")) {
      List<Map<String, Object>> commitments =
          (List<Map<String, Object>>) api.proposal(viewer, id).get("commitments");
      assertThat(commitments).as(viewer).hasSize(2);
      assertThat(commitments.get(1))
          .containsEntry("text", "完成小区充电安全检查")
          .containsEntry("dueDate", due.plusMonths(3).toString())
          .containsEntry("measure", "检查报告公布")
          .containsEntry("department", "SCJG")
          .containsEntry("state", "OPEN")
          .containsKeys("id", "reports");
    }

    long publication =
        ((Number)
                ((Map<String, Object>) api.proposal("registrar", id).get("publication")).get("id"))
            .longValue();
    Map<String, Object> reply =
        http.getForObject("/api/v1/public/replies/" + publication, Map.class);
    assertThat((List<Map<String, Object>>) reply.get("commitments"))
        .extracting(c -> c.get("text"), c -> c.get("state"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("建设100个充电桩", "OPEN"),
            org.assertj.core.groups.Tuple.tuple("完成小区充电安全检查", "OPEN"));
    String page = http.getForObject("/public/replies/" + publication, String.class);
    assertThat(page).contains("承诺事项", "建设100个充电桩", "完成小区充电安全检查", "落实中");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSecondReplyAfterAnUnsatisfiedRatingSupersedesTheOpenCommitmentsOfTheFirst() {
    long id = drafting();
    LocalDate due = LocalDate.now(CITY).plusMonths(6);
    api.complete(
        "scjg.handler", id, "draftReply", draft("B", List.of(commitment("建设充电桩", due, "建成验收"))));
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    jobs.runDue();
    assertThat(api.tasks("scjg.handler", id, "reportCommitment")).hasSize(1);

    api.complete(
        "deputy.jinmiao",
        id,
        "giveFeedback",
        Map.of("workRating", "SATISFIED", "resultRating", "UNSATISFIED", "comment", "进度太慢"));
    jobs.runDue();
    api.complete(
        "scjg.handler",
        id,
        "draftReply",
        draft("B", List.of(commitment("三个月内建成充电桩", due.minusMonths(3), "建成验收并公布"))));
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    jobs.runDue();

    assertThat((List<Map<String, Object>>) api.proposal("registrar", id).get("commitments"))
        .extracting(c -> c.get("text"), c -> c.get("state"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("建设充电桩", "DROPPED"),
            org.assertj.core.groups.Tuple.tuple("三个月内建成充电桩", "OPEN"));
    assertThat(api.tasks("scjg.handler", id, "reportCommitment"))
        .as("only the new commitment is followed")
        .singleElement()
        .satisfies(
            t ->
                assertThat(((Number) t.get("commitmentId")).longValue())
                    .isNotEqualTo(
                        ((Number)
                                ((List<Map<String, Object>>)
                                        api.proposal("registrar", id).get("commitments"))
                                    .get(0)
                                    .get("id"))
                            .longValue()));
  }
}
