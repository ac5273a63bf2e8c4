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
 * The paths beside the walkthrough: non-public replies, extensions, refusal and merge, withdrawals,
 * claiming, and the contract's error answers (400, 403, 404, 409).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class OtherPathsIT {

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  ApiClient api;
  Jobs jobs;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    jobs = new Jobs(management);
  }

  private long register(String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", "市九届人大一次会议");
    body.put("number", "P" + System.nanoTime() % 100_000_000);
    body.put("type", "SUGGESTION");
    body.put("title", title);
    body.put("content", "建议内容。");
    body.put("proposer", "金淼");
    body.put("proposerUsername", "deputy.jinmiao");
    body.put("submittedAt", "2021-12-29");
    return ((Number) api.ok(api.post("registrar", "/api/v1/proposals", body)).get("id"))
        .longValue();
  }

  private long drafting(String lead) {
    long id = register("关于测试的建议");
    api.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    api.complete("registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", lead));
    api.complete(lead.toLowerCase() + ".handler", id, "signFor", Map.of("decision", "ACCEPT"));
    return id;
  }

  private static Map<String, Object> draft(String disclosure) {
    Map<String, Object> d =
        new LinkedHashMap<>(
            Map.of(
                "replyText",
                "答复:联系电话13812345678,邮箱 a.b@example.org。",
                "category",
                "C",
                "contactMethod",
                "MEETING",
                "contactNote",
                "座谈",
                "disclosure",
                disclosure));
    if ("NOT_PUBLIC".equals(disclosure)) {
      d.put("nonDisclosureReason", "涉及个人隐私");
    }
    return d;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNonPublicReplyIsConfirmedByTheRegistrarAndNotPublished() {
    long id = drafting("SCJG");
    api.complete("scjg.handler", id, "draftReply", draft("NOT_PUBLIC"));
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    jobs.runDue();
    api.complete(
        "registrar", id, "confirmNonDisclosure", Map.of("decision", "CONFIRM", "comment", "理由成立"));
    jobs.runDue();
    Map<String, Object> publication =
        (Map<String, Object>) api.proposal("registrar", id).get("publication");
    assertThat(publication).containsEntry("state", "NOT_PUBLIC");
    assertThat(publication.get("publishedAt")).isNull();
    assertThat(api.tasks("deputy.jinmiao", id, "giveFeedback")).hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePublicTextLosesContactDetailsAndIsPublishedOnce() {
    long id = drafting("SWJ");
    api.complete("swj.handler", id, "draftReply", draft("PUBLIC"));
    api.complete("swj.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("swj.leader", id, "signOff", Map.of("decision", "APPROVE"));
    jobs.runDue();
    Map<String, Object> publication =
        (Map<String, Object>) api.proposal("registrar", id).get("publication");
    assertThat(publication).containsEntry("state", "PUBLISHED");
    assertThat((String) publication.get("replyText")).contains("13812345678");
    List<Map<String, Object>> audit =
        (List<Map<String, Object>>) api.proposal("registrar", id).get("timeline");
    assertThat(audit).filteredOn(e -> "reply.publish".equals(e.get("code"))).hasSize(1);
  }

  @Test
  void anExtensionRequestIsDecidedByTheRegistrar() {
    long id = drafting("JYJ");
    String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(4).toString();
    ResponseEntity<Map<String, Object>> tooLong =
        api.post(
            "jyj.handler",
            "/api/v1/proposals/" + id + "/extension-requests",
            Map.of("newDueDate", LocalDate.now().plusYears(2).toString(), "reason", "情况复杂"));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat((Map<String, Object>) tooLong.getBody().get("fields")).containsKey("newDueDate");

    ResponseEntity<Map<String, Object>> request =
        api.post(
            "jyj.handler",
            "/api/v1/proposals/" + id + "/extension-requests",
            Map.of("newDueDate", due, "reason", "涉及多部门协调"));
    assertThat(request.getStatusCode().value()).as("%s", request.getBody()).isEqualTo(202);
    assertThat(
            api.post(
                    "jyj.handler",
                    "/api/v1/proposals/" + id + "/extension-requests",
                    Map.of("newDueDate", due, "reason", "再次申请"))
                .getStatusCode()
                .value())
        .as("one at a time")
        .isEqualTo(409);
    assertThat(
            api.post(
                    "scjg.handler",
                    "/api/v1/proposals/" + id + "/extension-requests",
                    Map.of("newDueDate", due, "reason", "x"))
                .getStatusCode()
                .value())
        .as("not their item")
        .isEqualTo(404);

    api.complete(
        "registrar", id, "decideExtension", Map.of("decision", "APPROVE", "comment", "同意延期"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> assignments =
        (List<Map<String, Object>>) api.proposal("registrar", id).get("assignments");
    assertThat(assignments.get(0)).containsEntry("dueDate", due).containsEntry("extensionCount", 1);
    assertThat(api.tasks("jyj.handler", id, "draftReply").get(0).get("dueDate").toString())
        .as("the task follows the new deadline")
        .isNotNull();
  }

  @Test
  void refusalAndMergeEndTheProcess() {
    long refused = register("关于个人纠纷的建议");
    ResponseEntity<Map<String, Object>> noReason =
        api.post(
            "registrar",
            "/api/v1/tasks/"
                + api.tasks("registrar", refused, "reviewAcceptance").get(0).get("id")
                + "/complete",
            Map.of("decision", "REFUSE"));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).extractingByKey("fields").asString().contains("reason");
    api.complete(
        "registrar", refused, "reviewAcceptance", Map.of("decision", "REFUSE", "reason", "属于个人事务"));
    assertThat(api.proposal("registrar", refused))
        .containsEntry("status", "REFUSED")
        .containsEntry("statusReason", "属于个人事务");

    long target = register("关于同一问题的建议(主)");
    long merged = register("关于同一问题的建议(并)");
    api.complete(
        "registrar",
        merged,
        "reviewAcceptance",
        Map.of("decision", "MERGE", "mergeIntoId", target));
    assertThat(api.proposal("registrar", merged)).containsEntry("status", "MERGED");
    assertThat(((Number) api.proposal("registrar", merged).get("mergedIntoId")).longValue())
        .isEqualTo(target);
  }

  @Test
  void theProposerWithdrawsBeforeTheReplyOnly() {
    long id = drafting("GAJ");
    assertThat(
            api.post("scjg.handler", "/api/v1/proposals/" + id + "/withdraw", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            api.post(
                    "deputy.jinmiao",
                    "/api/v1/proposals/" + id + "/withdraw",
                    Map.of("reason", "问题已解决"))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(api.proposal("registrar", id)).containsEntry("status", "WITHDRAWN");
    assertThat(api.tasks("gaj.handler", id, "draftReply"))
        .as("the department's work ended too")
        .isEmpty();
    assertThat(
            api.post("deputy.jinmiao", "/api/v1/proposals/" + id + "/withdraw", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }

  @Test
  void aHandlerWithdrawsASubmittedDraftBeforeReview() {
    long id = drafting("SCJG");
    api.complete("scjg.handler", id, "draftReply", draft("PUBLIC"));
    assertThat(
            api.post("scjg.reviewer", "/api/v1/proposals/" + id + "/drafts/1/withdraw", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            api.post("scjg.handler", "/api/v1/proposals/" + id + "/drafts/1/withdraw", null)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(api.tasks("scjg.reviewer", id, "reviewDraft")).isEmpty();
    assertThat(api.tasks("scjg.handler", id, "draftReply")).hasSize(1);
    api.complete("scjg.handler", id, "draftReply", draft("PUBLIC"));
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    assertThat(
            api.post("scjg.handler", "/api/v1/proposals/" + id + "/drafts/2/withdraw", null)
                .getStatusCode()
                .value())
        .as("reviewed already")
        .isEqualTo(409);
  }

  @Test
  void claimingAndTheContractsErrorAnswers() {
    long id = drafting("SCJG");
    String task = (String) api.tasks("scjg.handler", id, "draftReply").get(0).get("id");
    assertThat(
            api.post("scjg.handler", "/api/v1/tasks/" + task + "/claim", null)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(
            api.post("registrar", "/api/v1/tasks/" + task + "/claim", null).getStatusCode().value())
        .as("not a candidate: learns nothing, not even that someone holds it")
        .isEqualTo(403);
    assertThat(
            api.post("wxb.handler", "/api/v1/tasks/" + task + "/complete", draft("PUBLIC"))
                .getStatusCode()
                .value())
        .as("not a candidate")
        .isEqualTo(403);
    assertThat(
            api.post("scjg.handler", "/api/v1/tasks/" + task + "/unclaim", null)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(
            api.post("wxb.handler", "/api/v1/tasks/" + task + "/complete", draft("PUBLIC"))
                .getStatusCode()
                .value())
        .as("not the caller's")
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> bad =
        api.post(
            "scjg.handler",
            "/api/v1/tasks/" + task + "/complete",
            Map.of(
                "replyText",
                "",
                "category",
                "D",
                "contactMethod",
                "PHONE",
                "disclosure",
                "NOT_PUBLIC"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).containsEntry("error", "validation_failed");
    assertThat((Map<String, Object>) bad.getBody().get("fields"))
        .containsKeys("replyText", "category", "contactNote", "nonDisclosureReason");
    assertThat(
            api.post("scjg.handler", "/api/v1/tasks/nope/complete", draft("PUBLIC"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(api.tasks("scjg.reviewer", id, "reviewDraft")).as("nothing changed").isEmpty();
    assertThat(
            http.postForEntity("/api/v1/tasks/" + task + "/complete", Map.of(), Map.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(api.get("registrar", "/api/v1/proposals?size=500").getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413AndChangesNothing() {
    long id = drafting("SCJG");
    String task = (String) api.tasks("scjg.handler", id, "draftReply").get(0).get("id");
    Map<String, Object> huge =
        Map.of(
            "replyText",
            "字".repeat(1_200_000),
            "category",
            "A",
            "contactMethod",
            "NONE",
            "disclosure",
            "PUBLIC");
    ResponseEntity<Map<String, Object>> r =
        api.post("scjg.handler", "/api/v1/tasks/" + task + "/complete", huge);
    assertThat(r.getStatusCode().value()).isEqualTo(413);
    assertThat(r.getBody()).containsEntry("error", "too_large");
    assertThat(api.tasks("scjg.handler", id, "draftReply")).as("still to do").hasSize(1);
  }
}
