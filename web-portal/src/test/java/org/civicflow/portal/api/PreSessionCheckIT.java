package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * Issue 21 item 3, over the API: the registrar sets the next session; at its date less the lead
 * time every open commitment's department gets a task to report on it, the registrars a notice, and
 * the check lists every open commitment by department with each report's state.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PreSessionCheckIT {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  static final String CHECK = "/api/v1/commitments/pre-session-check";

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  ApiClient api;
  ProposalFixture proposals;
  Jobs jobs;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    proposals = new ProposalFixture(api);
    jobs = new Jobs(management);
  }

  private long repliedWithACommitment(LocalDate due) {
    long id =
        proposals.repliedByScjg(
            "P",
            "关于老旧小区加装电梯的建议",
            "建议简化加装电梯审批。",
            "金淼代表:\n\n您的建议收悉。我局将会同住建部门出台加装电梯审批指引。",
            List.of(Map.of("text", "出台加装电梯审批指引", "dueDate", due.toString(), "measure", "指引公布")));
    jobs.runDue();
    return id;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(ResponseEntity<Map<String, Object>> r) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
    return (Map<String, Object>) r.getBody().get("fields");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> itemOf(Map<String, Object> check, long proposalId) {
    return ((List<Map<String, Object>>) check.get("departments"))
        .stream()
            .filter(d -> "SCJG".equals(d.get("department")))
            .flatMap(d -> ((List<Map<String, Object>>) d.get("commitments")).stream())
            .filter(c -> ((Number) c.get("proposalId")).longValue() == proposalId)
            .findFirst()
            .orElseThrow(() -> new AssertionError("not listed: " + proposalId + " in " + check));
  }

  @Test
  void badDatesAndLeadTimesAreRefusedNamingTheField() {
    LocalDate today = LocalDate.now(CITY);
    assertThat(fields(api.put("registrar", CHECK, Map.of()))).containsKey("nextSessionDate");
    assertThat(fields(api.put("registrar", CHECK, Map.of("nextSessionDate", today.toString()))))
        .containsKey("nextSessionDate");
    assertThat(
            fields(
                api.put(
                    "registrar", CHECK, Map.of("nextSessionDate", today.minusDays(3).toString()))))
        .containsKey("nextSessionDate");
    assertThat(fields(api.put("registrar", CHECK, Map.of("nextSessionDate", "2030-02-30"))))
        .containsKey("nextSessionDate");
    assertThat(
            fields(
                api.put(
                    "registrar",
                    CHECK,
                    Map.of("nextSessionDate", today.plusDays(40).toString(), "leadDays", 0))))
        .containsKey("leadDays")
        .doesNotContainKey("nextSessionDate");
    assertThat(
            fields(
                api.put(
                    "registrar",
                    CHECK,
                    Map.of("nextSessionDate", today.plusDays(40).toString(), "leadDays", "soon"))))
        .containsKey("leadDays");
    assertThat(
            api.put("scjg.handler", CHECK, Map.of("nextSessionDate", today.plusDays(40).toString()))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(api.get("scjg.leader", CHECK).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  @SuppressWarnings("unchecked")
  void atTheTimeEachDepartmentReportsAndTheRegistrarSeesTheListByDepartment() {
    LocalDate today = LocalDate.now(CITY);
    long id = repliedWithACommitment(today.plusDays(60));

    // a session far ahead: the check waits, the list shows the commitment as not due yet
    Map<String, Object> later =
        api.ok(
            api.put(
                "registrar",
                CHECK,
                Map.of("nextSessionDate", today.plusDays(100).toString(), "leadDays", 30)));
    assertThat(later)
        .containsEntry("nextSessionDate", today.plusDays(100).toString())
        .containsEntry("leadDays", 30)
        .containsEntry("checkOn", today.plusDays(70).toString())
        .containsEntry("started", false);
    assertThat(itemOf(later, id)).containsEntry("reportState", "NOT_DUE");
    jobs.runDue();
    assertThat(api.tasks("scjg.handler", id, "reportBeforeSession")).isEmpty();

    // moved nearer: the check starts at once (the session in 10 days, 30 days' lead)
    Map<String, Object> check =
        api.ok(
            api.put(
                "registrar",
                CHECK,
                Map.of("nextSessionDate", today.plusDays(10).toString(), "leadDays", 30)));
    assertThat(check).containsEntry("started", true);
    Map<String, Object> item = itemOf(check, id);
    assertThat(item)
        .containsEntry("state", "OPEN")
        .containsEntry("reportState", "AWAITED")
        .containsEntry("text", "出台加装电梯审批指引");
    jobs.runDue();

    List<Map<String, Object>> tasks = api.tasks("scjg.handler", id, "reportBeforeSession");
    assertThat(tasks).as("one report task, the moved check fired once").hasSize(1);
    assertThat(((Number) tasks.get(0).get("commitmentId")).longValue())
        .isEqualTo(((Number) item.get("id")).longValue());
    assertThat(api.tasks("swj.handler", id, "reportBeforeSession")).isEmpty();
    assertThat(api.tasks("scjg.handler", id, "reportCommitment"))
        .as("the follow-up goes on")
        .hasSize(1);
    Map<String, Object> notices = api.ok(api.get("registrar", "/api/v1/notifications?size=100"));
    assertThat((List<Map<String, Object>>) notices.get("items"))
        .anySatisfy(
            n -> {
              assertThat(n.get("kind")).isEqualTo("COMMITMENT_BEFORE_SESSION");
              assertThat(((Number) n.get("proposalId")).longValue()).isEqualTo(id);
            });

    String task = (String) tasks.get(0).get("id");
    assertThat(fields(api.post("scjg.handler", "/api/v1/tasks/" + task + "/complete", Map.of())))
        .containsKey("text");
    assertThat(
            api.post("swj.handler", "/api/v1/tasks/" + task + "/complete", Map.of("text", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> done =
        api.post(
            "scjg.handler",
            "/api/v1/tasks/" + task + "/complete",
            Map.of("text", "指引已起草,正在征求住建部门意见。"));
    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);

    Map<String, Object> reported = itemOf(api.ok(api.get("admin", CHECK)), id);
    assertThat(reported).containsEntry("reportState", "REPORTED");
    assertThat((Map<String, Object>) reported.get("report"))
        .containsEntry("text", "指引已起草,正在征求住建部门意见。")
        .containsEntry("by", "scjg.handler");
    Map<String, Object> commitment =
        ((List<Map<String, Object>>) api.proposal("registrar", id).get("commitments")).get(0);
    assertThat((List<Map<String, Object>>) commitment.get("reports"))
        .extracting(r -> r.get("kind"))
        .containsExactly("BEFORE_SESSION");
    // the handler's own reports still go through review as before
    api.complete(
        "scjg.handler", id, "reportCommitment", Map.of("kind", "PROGRESS", "text", "指引初稿完成"));
    api.complete("scjg.reviewer", id, "reviewCommitmentReport", Map.of("decision", "APPROVE"));
  }
}
