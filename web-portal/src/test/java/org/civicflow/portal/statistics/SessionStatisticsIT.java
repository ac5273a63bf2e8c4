package org.civicflow.portal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.statistics.Count;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.SessionReport;
import org.civicflow.domain.statistics.SessionStatistics;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The statistics against a fixture with known numbers ({@link StatsFixture}: six proposals of a
 * session of their own, driven through the real processes): the service, {@code GET /api/v1/stats},
 * the page and the exported workbook show the same exact figures, and move when a proposal moves.
 * Departments and proposers are refused; an unknown session is a 400 naming it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionStatisticsIT {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired SessionStatistics statistics;
  @Autowired SessionCatalog sessions;
  @Autowired ProposalIntake intake;
  @Autowired Inbox inbox;
  @Autowired TaskWork work;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired AssignmentManagement assignments;
  @Autowired HolidayCalendar calendar;

  StatsFixture fixture;
  LocalDate today;
  LocalDate s004Due;

  @BeforeAll
  void buildFixture() {
    fixture =
        new StatsFixture(sessions, intake, inbox, work, users, management, assignments).build();
    today = calendar.today();
    s004Due = fixture.dueOf("S004");
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return http.withBasicAuth(user, "Demo@12345").exchange(path, HttpMethod.GET, null, MAP);
  }

  /** The session name for a TestRestTemplate path (which encodes it). */
  private String sessionParam() {
    return fixture.session;
  }

  private static List<String> counts(List<Count> counts) {
    return counts.stream().map(c -> c.key() + "=" + c.count()).toList();
  }

  @Test
  @Order(1)
  void theServiceCountsTheFixtureExactly() {
    assertThat(s004Due).isBefore(today);
    SessionReport r = statistics.report(fixture.session);

    assertThat(r.sessionName()).isEqualTo(fixture.session);
    assertThat(r.total()).isEqualTo(6);
    assertThat(counts(r.byStatus()))
        .containsExactly(
            "REGISTERED=0",
            "REFUSED=1",
            "MERGED=0",
            "ASSIGNING=0",
            "HANDLING=1",
            "IN_REVIEW=0",
            "REPLIED=0",
            "AWAITING_FEEDBACK=1",
            "REHANDLING=1",
            "CLOSED=2",
            "WITHDRAWN=0");
    assertThat(counts(r.byCategory())).containsExactly("市场监管=2", "教育=2", "交通=1", "城建=1");
    assertThat(counts(r.byDelegation())).containsExactly("昌图县=3", "铁岭县=2", "null=1");
    assertThat(counts(r.byReplyCategory())).containsExactly("A=1", "B=2", "C=1");

    // on time: S001, S002, S003 replied at once; S005 replied late; S004 is past due unreplied
    assertThat(r.onTimeRate().numerator()).isEqualTo(3);
    assertThat(r.onTimeRate().denominator()).isEqualTo(5);
    assertThat(r.onTimeRate().percent()).isEqualByComparingTo("60.0");
    // result: 满意 (S001), 基本满意 (S002), 不满意 (S003); work: 满意, 基本满意, 满意
    assertThat(r.satisfactionRate().numerator()).isEqualTo(2);
    assertThat(r.satisfactionRate().denominator()).isEqualTo(3);
    assertThat(r.satisfactionRate().percent()).isEqualByComparingTo("66.7");
    assertThat(r.workSatisfactionRate().percent()).isEqualByComparingTo("100.0");
    assertThat(r.resultRatings().satisfied()).isEqualTo(1);
    assertThat(r.resultRatings().basicallySatisfied()).isEqualTo(1);
    assertThat(r.resultRatings().unsatisfied()).isEqualTo(1);
    assertThat(r.workRatings().satisfied()).isEqualTo(2);
    assertThat(r.unrated()).isZero();

    assertThat(r.byDepartment())
        .extracting(
            d ->
                d.code()
                    + " assigned="
                    + d.assigned()
                    + " replying="
                    + d.replying()
                    + " co="
                    + d.coHandling()
                    + " open="
                    + d.open()
                    + " replied="
                    + d.replied()
                    + " onTime="
                    + d.onTime().numerator()
                    + "/"
                    + d.onTime().denominator()
                    + " overdue="
                    + d.overdue())
        .containsExactly(
            "SCJG assigned=2 replying=2 co=0 open=1 replied=2 onTime=1/2 overdue=0",
            "SWJ assigned=2 replying=1 co=1 open=0 replied=1 onTime=1/1 overdue=0",
            "JYJ assigned=2 replying=2 co=0 open=2 replied=1 onTime=1/2 overdue=1");
    DepartmentFigures jyj = r.byDepartment().get(2);
    assertThat(jyj.name()).isEqualTo("市教育局");
    assertThat(jyj.resultRatings().rate().percent()).isEqualByComparingTo("0.0");
    assertThat(jyj.workRatings().rate().percent()).isEqualByComparingTo("100.0");

    assertThat(r.overdue()).hasSize(1);
    var late = r.overdue().get(0);
    assertThat(late.number()).isEqualTo("S004");
    assertThat(late.title()).isEqualTo(StatsFixture.FORMULA_TITLE);
    assertThat(late.departmentCode()).isEqualTo("JYJ");
    assertThat(late.role()).isEqualTo("LEAD");
    assertThat(late.keyItem()).isTrue();
    assertThat(late.dueDate()).isEqualTo(s004Due);
    assertThat(late.daysOverdue()).isEqualTo(ChronoUnit.DAYS.between(s004Due, today));

    assertThat(r.keyItems())
        .extracting(k -> k.number() + " " + k.status() + " " + k.departments() + " " + k.overdue())
        .containsExactly("S001 CLOSED [市场监督管理局] false", "S004 HANDLING [市教育局] true");
    assertThat(r.keyItems().get(1).dueDate()).isEqualTo(s004Due);
  }

  @Test
  @Order(2)
  @SuppressWarnings("unchecked")
  void theApiGivesTheSameFiguresToRegistrarsAndAdmins() {
    for (String user : List.of("registrar", "admin")) {
      ResponseEntity<Map<String, Object>> r = get(user, "/api/v1/stats?session=" + sessionParam());
      assertThat(r.getStatusCode().value()).as("%s: %s", user, r.getBody()).isEqualTo(200);
      Map<String, Object> body = r.getBody();
      assertThat(body).containsEntry("session", fixture.session).containsEntry("total", 6);
      assertThat((Map<String, Object>) body.get("onTimeRate"))
          .containsEntry("numerator", 3)
          .containsEntry("denominator", 5)
          .containsEntry("percent", 60.0);
      assertThat((Map<String, Object>) body.get("satisfactionRate"))
          .containsEntry("numerator", 2)
          .containsEntry("denominator", 3)
          .containsEntry("percent", 66.7);
      assertThat(body).containsEntry("overdueCount", 1);
      assertThat((List<Map<String, Object>>) body.get("overdue"))
          .singleElement()
          .satisfies(
              o ->
                  assertThat(o)
                      .containsEntry("number", "S004")
                      .containsEntry("departmentCode", "JYJ")
                      .containsEntry("dueDate", s004Due.toString())
                      .containsEntry("daysOverdue", (int) ChronoUnit.DAYS.between(s004Due, today)));
      assertThat((List<Map<String, Object>>) body.get("byStatus"))
          .contains(Map.of("key", "CLOSED", "count", 2), Map.of("key", "REFUSED", "count", 1));
      assertThat((List<Map<String, Object>>) body.get("byDepartment"))
          .anySatisfy(
              d ->
                  assertThat(d)
                      .containsEntry("code", "JYJ")
                      .containsEntry("assigned", 2)
                      .containsEntry("overdue", 1));
      assertThat(r.getHeaders().getCacheControl()).contains("no-store");
    }
    // by id as well as by name; the current session when none is named
    long id = sessions.findByName(fixture.session).orElseThrow().id();
    assertThat(get("registrar", "/api/v1/stats?session=" + id).getBody())
        .containsEntry("session", fixture.session);
    assertThat(get("registrar", "/api/v1/stats").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  @Order(3)
  @SuppressWarnings("unchecked")
  void othersAreRefusedAndAnUnknownSessionIsNamed() {
    for (String user : List.of("scjg.handler", "scjg.leader", "deputy.jinmiao")) {
      assertThat(get(user, "/api/v1/stats?session=" + sessionParam()).getStatusCode().value())
          .as(user)
          .isEqualTo(403);
      assertThat(
              get(user, "/api/v1/stats/export.xlsx?session=" + sessionParam())
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
    }
    ResponseEntity<Map<String, Object>> unknown = get("registrar", "/api/v1/stats?session=没有这个会议");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat((Map<String, Object>) unknown.getBody().get("fields")).containsKey("session");
    assertThat(get("registrar", "/api/v1/stats?session=999999999").getStatusCode().value())
        .isEqualTo(400);
    assertThat(http.getForEntity("/api/v1/stats", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  @Order(4)
  void theExportedWorkbookHasTheSameFigures() throws Exception {
    ResponseEntity<byte[]> r =
        http.withBasicAuth("registrar", "Demo@12345")
            .exchange(
                "/api/v1/stats/export.xlsx?session=" + sessionParam(),
                HttpMethod.GET,
                null,
                byte[].class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    String disposition = r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition)
        .startsWith("attachment")
        .contains(URLEncoder.encode(fixture.session, StandardCharsets.UTF_8).replace("+", "%20"));

    XlsxSheets xlsx = new XlsxSheets(r.getBody());
    assertThat(xlsx.sheets.keySet())
        .containsExactly(
            "概况", "按办理状态", "按承办单位", "按内容分类", "按答复类别", "按代表团界别", "逾期清单", "重点督办", "承诺事项");
    // the two B replies (S005, S002) promise one thing each: made, not kept; open or overdue as
    // the service counts them at this moment (suites in this JVM move the engine's clock)
    var commitments = statistics.report(fixture.session).commitments();
    assertThat(xlsx.besides("承诺事项", "合计", "B")).isEqualTo("2");
    assertThat(commitments.open() + commitments.overdue()).isEqualTo(2);
    assertThat(xlsx.besides("承诺事项", "合计", "E")).isEqualTo(String.valueOf(commitments.open()));
    assertThat(xlsx.besides("承诺事项", "合计", "F")).isEqualTo(String.valueOf(commitments.overdue()));
    assertThat(xlsx.besides("概况", "会议届次", "B")).isEqualTo(fixture.session);
    assertThat(xlsx.besides("概况", "建议提案总数", "B")).isEqualTo("6");
    assertThat(xlsx.besides("概况", "按时办结率", "B")).isEqualTo("0.6");
    assertThat(xlsx.besides("概况", "按时办结率", "C")).isEqualTo("3");
    assertThat(xlsx.besides("概况", "按时办结率", "D")).isEqualTo("5");
    assertThat(xlsx.besides("概况", "满意率(办理结果)", "B")).isEqualTo("0.667");
    assertThat(xlsx.besides("概况", "满意率(办理工作)", "B")).isEqualTo("1");
    assertThat(xlsx.besides("概况", "逾期件数", "B")).isEqualTo("1");
    assertThat(xlsx.besides("按办理状态", "已办结", "B")).isEqualTo("2");
    assertThat(xlsx.besides("按办理状态", "不予立案", "B")).isEqualTo("1");
    assertThat(xlsx.besides("按承办单位", "市教育局", "B")).isEqualTo("2");
    assertThat(xlsx.besides("按承办单位", "市教育局", "H")).isEqualTo("0.5");
    assertThat(xlsx.besides("按承办单位", "市教育局", "I")).isEqualTo("1");
    assertThat(xlsx.besides("按承办单位", "市商务局", "H")).isEqualTo("1");
    assertThat(xlsx.besides("按内容分类", "市场监管", "B")).isEqualTo("2");
    assertThat(xlsx.besides("按答复类别", "B类 正在解决或列入计划", "B")).isEqualTo("2");
    assertThat(xlsx.besides("按代表团界别", "未填写", "B")).isEqualTo("1");

    var overdue = xlsx.sheet("逾期清单");
    assertThat(overdue.get("A1").value()).isEqualTo("编号");
    assertThat(overdue.get("A2").value()).isEqualTo("S004");
    assertThat(overdue.get("C2").value()).isEqualTo("市教育局");
    assertThat(overdue.get("F2").value())
        .isEqualTo(String.valueOf(ChronoUnit.DAYS.between(s004Due, today)));
    assertThat(overdue).doesNotContainKey("A3");
    // a title that looks like a formula stays text
    XlsxSheets.Cell title = overdue.get("B2");
    assertThat(title.value()).isEqualTo(StatsFixture.FORMULA_TITLE);
    assertThat(title.type()).isIn("s", "inlineStr");
    assertThat(xlsx.sheets.values())
        .allSatisfy(s -> assertThat(s.values()).noneMatch(XlsxSheets.Cell::formula));

    var key = xlsx.sheet("重点督办");
    assertThat(key.get("A2").value()).isEqualTo("S001");
    assertThat(key.get("C2").value()).isEqualTo("已办结");
    assertThat(key.get("A3").value()).isEqualTo("S004");
    assertThat(key.get("F3").value()).isEqualTo("是");
  }

  @Test
  @Order(5)
  void thePageShowsTheFiguresAndChartsAndMovesWithTheProposals() {
    long id = sessions.findByName(fixture.session).orElseThrow().id();
    PortalSession registrar = PortalSession.signIn(port, "registrar", "Demo@12345");
    PortalSession.Page page = registrar.get("/portal/stats?session=" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"fig-on-time\">60.0%<")
        .contains("id=\"fig-satisfaction\">66.7%<")
        .contains("id=\"fig-overdue\">1<")
        .contains("id=\"fig-total\">6<")
        .contains("data-chart=")
        .contains("/js/stats-charts.js")
        .contains("id=\"t-departments\"")
        .contains("S004")
        .contains("/portal/stats/export.xlsx?session=" + id)
        .doesNotContain("<script>")
        .doesNotContain("style=\"");
    assertThat(registrar.get("/portal/stats/export.xlsx?session=" + id).status()).isEqualTo(200);
    assertThat(registrar.get("/portal/stats?session=nope").status()).isEqualTo(400);
    assertThat(
            PortalSession.signIn(port, "scjg.handler", "Demo@12345").get("/portal/stats").status())
        .isEqualTo(403);

    // the proposer rates S005 (this test runs last): the figures move at once, nothing stale
    fixture.rate(fixture.ids.get("S005"), "SATISFIED", "SATISFIED", null);
    SessionReport after = statistics.report(fixture.session);
    assertThat(counts(after.byStatus())).contains("AWAITING_FEEDBACK=0", "CLOSED=3");
    assertThat(after.satisfactionRate().percent()).isEqualByComparingTo("75.0");
    assertThat(registrar.get("/portal/stats?session=" + id).body())
        .contains("id=\"fig-satisfaction\">75.0%<");
  }
}
