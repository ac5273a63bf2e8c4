package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The README walkthrough as a test: suggestion "911100"-like input goes through every step over the
 * HTTP API only — a re-assignment request, a co-handling opinion, a return at review, an
 * unsatisfied rating with re-handling — to a closed, published, rated reply; and a second proposal
 * runs past its deadline into the registrar's supervision task.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class WalkthroughIT {

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  ApiClient api;
  Jobs jobs;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    jobs = new Jobs(management);
  }

  @AfterEach
  void resetClock() {
    Jobs.resetClock();
  }

  private long register(String number, String title) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("session", "市九届人大一次会议");
    body.put("number", number);
    body.put("type", "SUGGESTION");
    body.put("title", title);
    body.put("content", "一些主播虚假宣传、售卖假冒伪劣商品、售后服务不到位。建议提高准入门槛,加强直播广告和售后服务监管。");
    body.put("category", "市场监管");
    body.put("proposer", "金淼");
    body.put("proposerUsername", "deputy.jinmiao");
    body.put("coSigners", List.of("李明", "王芳"));
    body.put("delegation", "昌图县");
    body.put("submittedAt", "2021-12-29");
    ResponseEntity<Map<String, Object>> r = api.post("registrar", "/api/v1/proposals", body);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    assertThat(r.getBody()).containsEntry("status", "REGISTERED");
    return ((Number) r.getBody().get("id")).longValue();
  }

  private String status(long id) {
    return (String) api.proposal("registrar", id).get("status");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSuggestionGoesFromRegistrationToAClosedPublishedRatedReply() {
    long id = register("W" + System.nanoTime() % 1_000_000, "关于加强对网红直播带货市场监督管理的建议");

    api.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    assertThat(status(id)).isEqualTo("ASSIGNING");
    api.complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of("WXB", "SWJ"), "key", true));
    assertThat(status(id)).isEqualTo("HANDLING");

    // SWJ asks to be re-assigned; the registrar agrees and re-assigns without it
    api.complete(
        "swj.handler",
        id,
        "signFor",
        Map.of("decision", "REQUEST_REASSIGNMENT", "reason", "不属于本局职责"));
    api.complete("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    api.complete("wxb.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    api.complete(
        "registrar", id, "decideReassignment", Map.of("decision", "APPROVE", "comment", "同意"));
    assertThat(status(id)).isEqualTo("ASSIGNING");
    api.complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of("WXB")));
    assertThat(api.tasks("scjg.handler", id, "signFor")).as("sign-for carried over").isEmpty();

    // the lead drafts while the co-handling opinion is outstanding: review waits for it
    api.complete("scjg.handler", id, "draftReply", draft("金淼代表:您提出的建议收悉。我局开展了联合监管。"));
    assertThat(api.tasks("scjg.reviewer", id, "reviewDraft")).isEmpty();
    api.complete("wxb.handler", id, "coHandlingOpinion", Map.of("opinion", "网信办配合开展直播平台关键词监测。"));
    assertThat(status(id)).isEqualTo("IN_REVIEW");

    api.complete(
        "scjg.reviewer", id, "reviewDraft", Map.of("decision", "RETURN", "comment", "请补充关键词监测情况"));
    assertThat(status(id)).isEqualTo("HANDLING");
    api.complete(
        "scjg.handler",
        id,
        "draftReply",
        draft("金淼代表:您提出的建议收悉。我局开展了联合监管,对抖音、快手等平台开展关键词监测,检查主播账号300余个。"));
    Map<String, Object> diff =
        api.ok(api.get("scjg.reviewer", "/api/v1/proposals/" + id + "/drafts/2/diff"));
    assertThat((List<Map<String, Object>>) diff.get("segments"))
        .anySatisfy(
            s ->
                assertThat(s)
                    .containsEntry("op", "INSERT")
                    .extractingByKey("text")
                    .asString()
                    .contains("关键词监测"));
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE", "comment", "同意签发"));
    assertThat(jobs.runDue()).as("send and publish run as jobs").isGreaterThanOrEqualTo(2);
    assertThat(status(id)).isEqualTo("AWAITING_FEEDBACK");

    // the proposer is not satisfied: one more round, then the final rating
    api.complete(
        "deputy.jinmiao",
        id,
        "giveFeedback",
        Map.of("workRating", "SATISFIED", "resultRating", "UNSATISFIED", "comment", "售后监管措施不够具体"));
    assertThat(status(id)).isEqualTo("REHANDLING");
    api.complete(
        "scjg.handler", id, "draftReply", draft("金淼代表:关于售后服务监管,我局将通过12315平台受理投诉,并对违法行为依法查处。"));
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    jobs.runDue();
    api.complete(
        "deputy.jinmiao",
        id,
        "giveFeedback",
        Map.of("workRating", "SATISFIED", "resultRating", "BASICALLY_SATISFIED"));

    Map<String, Object> detail = api.proposal("registrar", id);
    assertThat(detail).containsEntry("status", "CLOSED").containsEntry("keyItem", true);
    assertThat((List<?>) detail.get("drafts")).hasSize(3);
    assertThat((List<Map<String, Object>>) detail.get("drafts"))
        .first()
        .satisfies(
            d ->
                assertThat((List<Map<String, Object>>) d.get("decisions"))
                    .anySatisfy(x -> assertThat(x).containsEntry("comment", "请补充关键词监测情况")));
    assertThat((List<?>) detail.get("feedback")).hasSize(2);
    Map<String, Object> publication = (Map<String, Object>) detail.get("publication");
    assertThat(publication).containsEntry("state", "PUBLISHED");
    assertThat((String) publication.get("contentSha256")).hasSize(64);
    assertThat((List<?>) detail.get("timeline")).isNotEmpty();
    assertThat(api.ok(api.get("registrar", "/api/v1/tasks?proposal=" + id)).get("total"))
        .isEqualTo(0);

    // the proposer sees the replies but not the departments' drafts and comments
    Map<String, Object> own = api.proposal("deputy.jinmiao", id);
    assertThat((List<?>) own.get("drafts")).isEmpty();
    assertThat((List<?>) own.get("publications")).hasSize(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anItemPastItsDeadlineGoesToTheRegistrarsSupervision() {
    long id = register("T" + System.nanoTime() % 1_000_000, "关于规范校外培训机构收费的建议");
    api.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
    api.complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", "JYJ", "dueDate", due));
    api.complete("jyj.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    assertThat(api.tasks("jyj.handler", id, "draftReply")).hasSize(1);

    Jobs.moveClockDays(45);
    assertThat(jobs.runDue()).as("two reminders and the deadline").isGreaterThanOrEqualTo(3);

    assertThat(api.tasks("registrar", id, "superviseOverdue")).hasSize(1);
    List<Map<String, Object>> drafting = api.tasks("jyj.handler", id, "draftReply");
    assertThat(drafting).as("the handler still drafts").hasSize(1);
    assertThat(drafting.get(0)).containsEntry("overdue", true);
    Map<String, Object> detail = api.proposal("registrar", id);
    assertThat((List<Map<String, Object>>) detail.get("assignments"))
        .anySatisfy(
            a -> assertThat(a).containsEntry("department", "JYJ").containsEntry("overdue", true));
    assertThat((List<Map<String, Object>>) detail.get("timeline"))
        .as("the timeline shows the process history too")
        .anySatisfy(e -> assertThat(e).containsEntry("code", "process.timer"))
        .anySatisfy(e -> assertThat(e).containsEntry("code", "process.opened"));
    api.complete("registrar", id, "superviseOverdue", Map.of("comment", "已电话督办,要求本周内提交"));
  }

  private static Map<String, Object> draft(String text) {
    return Map.of(
        "replyText",
        text,
        "category",
        "B",
        "contactMethod",
        "PHONE",
        "contactNote",
        "电话沟通",
        "disclosure",
        "PUBLIC",
        "commitments",
        List.of(
            Map.of(
                "text",
                "开展专项检查",
                "dueDate",
                java.time.LocalDate.now().plusYears(1).toString(),
                "measure",
                "检查结果公布")));
  }
}
