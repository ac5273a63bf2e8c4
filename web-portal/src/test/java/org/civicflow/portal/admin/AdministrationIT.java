package org.civicflow.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Administration as an admin uses it, over HTTP: departments, accounts, sessions and the holiday
 * calendar through the pages and the API; invalid input refused naming the field with nothing
 * saved; every change in the audit log; nobody but admins gets in; and a disabled account is signed
 * out on its next request and cannot sign in again.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class AdministrationIT {

  static final String DEMO = "Demo@12345";
  static final String PASSWORD = "Start#2026ok";
  static final String OWN = "Own#2026start";
  static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired DepartmentDirectory departments;
  @Autowired UserDirectory users;
  @Autowired SessionCatalog sessions;
  @Autowired HolidayCalendar calendar;
  @Autowired TaskService tasks;

  private ResponseEntity<Map<String, Object>> api(
      String user, String password, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Accept-Language", "zh-CN");
    return http.withBasicAuth(user, password)
        .exchange(path, method, new HttpEntity<>(body, headers), MAP);
  }

  private ResponseEntity<Map<String, Object>> admin(HttpMethod method, String path, Object body) {
    return api("admin", DEMO, method, path, body);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> fields(ResponseEntity<Map<String, Object>> r) {
    return (Map<String, String>) r.getBody().get("fields");
  }

  private List<String> actions(String type, String id) {
    return audit.forObject(type, id).stream().map(AuditEvent::action).toList();
  }

  @Test
  void departmentsAreAddedAndChangedWithTheFieldNamedWhenInvalid() {
    PortalSession admin = PortalSession.signIn(port, "admin", DEMO);
    PortalSession.Page list = admin.get("/admin/departments");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("市场监督管理局", "SCJG");

    PortalSession.Page bad =
        admin.post(
            "/admin/departments",
            list.body(),
            Map.of("code", "tj-1", "name", "", "sortOrder", "x", "enabled", "true"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("err-sortOrder", "应为数字");
    PortalSession.Page bad2 =
        admin.post(
            "/admin/departments",
            list.body(),
            Map.of("code", "tj-1", "name", "", "sortOrder", "3", "enabled", "true"));
    assertThat(bad2.status()).isEqualTo(400);
    assertThat(bad2.body()).contains("err-code", "err-name", "单位代码须为大写字母");
    assertThat(departments.all()).extracting(Department::name).doesNotContain("");

    PortalSession.Page created =
        admin.post(
            "/admin/departments",
            list.body(),
            Map.of("code", "TJJ", "name", "市统计局", "sortOrder", "60", "enabled", "true"));
    assertThat(created.status()).isEqualTo(302);
    assertThat(departments.get("TJJ")).isEqualTo(new Department("TJJ", "市统计局", true, 60));
    PortalSession.Page duplicate =
        admin.post(
            "/admin/departments",
            list.body(),
            Map.of("code", "TJJ", "name", "另一个局", "sortOrder", "1"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.body()).contains("单位代码TJJ已存在");

    assertThat(
            admin(
                    HttpMethod.POST,
                    "/api/v1/admin/users",
                    Map.of(
                        "username", "tjj.sun",
                        "displayName", "孙七",
                        "password", PASSWORD,
                        "departmentCode", "TJJ",
                        "roles", List.of("LEADER")))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(admin.get("/admin/users?department=TJJ").body())
        .contains("tjj.sun", "<td>市统计局</td>");

    PortalSession.Page edit = admin.get("/admin/departments/TJJ");
    assertThat(edit.status()).isEqualTo(200);
    assertThat(edit.body()).contains("市统计局", "添加承办单位");
    assertThat(
            admin
                .post(
                    "/admin/departments/TJJ",
                    edit.body(),
                    Map.of("name", "市统计局(改)", "sortOrder", "61", "enabled", "true"))
                .status())
        .isEqualTo(302);
    assertThat(
            admin
                .post("/admin/departments/TJJ/enabled", edit.body(), Map.of("enabled", "false"))
                .status())
        .isEqualTo(302);
    assertThat(departments.get("TJJ")).isEqualTo(new Department("TJJ", "市统计局(改)", false, 61));
    // pages show the new name at once (no stale cache)
    assertThat(admin.get("/admin/users?department=TJJ").body()).contains("<td>市统计局(改)</td>");
    assertThat(departments.exists("TJJ")).isFalse();
    assertThat(audit.forObject("department", "TJJ"))
        .extracting(AuditEvent::actor, AuditEvent::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("admin", "department.create"),
            org.assertj.core.groups.Tuple.tuple("admin", "department.update"),
            org.assertj.core.groups.Tuple.tuple("admin", "department.disable"));
    assertThat(audit.forObject("department", "TJJ").get(1).detail())
        .contains("name: 市统计局 → 市统计局(改)", "sortOrder: 60 → 61");

    // the same through the API
    ResponseEntity<Map<String, Object>> invalid =
        admin(HttpMethod.POST, "/api/v1/admin/departments", Map.of("code", "SJJ", "name", " "));
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(invalid)).containsOnlyKeys("name");
    assertThat(departments.all()).extracting(Department::code).doesNotContain("SJJ");
    assertThat(
            admin(
                    HttpMethod.POST,
                    "/api/v1/admin/departments",
                    Map.of("code", "SJJ", "name", "市审计局", "sortOrder", 70))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(
            admin(HttpMethod.POST, "/api/v1/admin/departments", Map.of("code", "SJJ", "name", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
    ResponseEntity<Map<String, Object>> renamed =
        admin(HttpMethod.PUT, "/api/v1/admin/departments/SJJ", Map.of("name", "市审计局(改)"));
    assertThat(renamed.getBody()).containsEntry("name", "市审计局(改)").containsEntry("enabled", true);
    assertThat(
            admin(HttpMethod.PUT, "/api/v1/admin/departments/SJJ", Map.of("sortOrder", -5))
                .getBody()
                .get("fields"))
        .isEqualTo(Map.of("sortOrder", "排序号应为0至9999的整数"));
    assertThat(admin(HttpMethod.GET, "/api/v1/admin/departments", null).getBody().get("items"))
        .asList()
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(actions("department", "SJJ"))
        .containsExactly("department.create", "department.update");
  }

  @Test
  @SuppressWarnings("unchecked")
  void accountsAreCreatedChangedAndFilteredAndTheAdminCannotLockThemselvesOut() {
    Map<String, Object> weak =
        Map.of(
            "username", "tjj.wang",
            "displayName", "王五",
            "password", "weak",
            "departmentCode", "SCJG",
            "roles", List.of("HANDLER"),
            "email", "not-an-address");
    ResponseEntity<Map<String, Object>> refused =
        admin(HttpMethod.POST, "/api/v1/admin/users", weak);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(refused)).containsOnlyKeys("password", "email");
    assertThat(users.find("tjj.wang")).isEmpty();
    ResponseEntity<Map<String, Object>> badRole =
        admin(
            HttpMethod.POST,
            "/api/v1/admin/users",
            Map.of("username", "x.y", "roles", List.of("KING")));
    assertThat(badRole.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(badRole).keySet()).anyMatch(f -> f.startsWith("roles"));

    // through the pages
    PortalSession admin = PortalSession.signIn(port, "admin", DEMO);
    PortalSession.Page form = admin.get("/admin/users/new");
    assertThat(form.status()).isEqualTo(200);
    PortalSession.Page noDepartment =
        admin.post(
            "/admin/users",
            form.body(),
            Map.of(
                "username", "scjg.wang",
                "displayName", "王五",
                "password", PASSWORD,
                "roles", List.of("HANDLER"),
                "departmentCode", ""));
    assertThat(noDepartment.status()).isEqualTo(400);
    assertThat(noDepartment.body()).contains("err-departmentCode", "必须属于一个单位");
    assertThat(users.find("scjg.wang")).isEmpty();
    PortalSession.Page created =
        admin.post(
            "/admin/users",
            form.body(),
            Map.of(
                "username", "scjg.wang",
                "displayName", "王五",
                "password", PASSWORD,
                "roles", List.of("HANDLER"),
                "departmentCode", "SCJG",
                "phone", "0411-88886666"));
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    assertThat(created.location()).endsWith("/admin/users/scjg.wang");

    PortalSession.Page page = admin.get("/admin/users/scjg.wang");
    assertThat(page.body()).contains("王五", "0411-88886666", "创建账号");
    PortalSession.Page changed =
        admin.post(
            "/admin/users/scjg.wang",
            page.body(),
            Map.of(
                "displayName", "王五",
                "roles", List.of("HANDLER", "REVIEWER"),
                "departmentCode", "SCJG",
                "email", "wang@example.org"));
    assertThat(changed.status()).isEqualTo(302);
    assertThat(users.find("scjg.wang").orElseThrow().getRoles())
        .containsExactlyInAnyOrder(Role.HANDLER, Role.REVIEWER);
    PortalSession.Page weakPassword =
        admin.post("/admin/users/scjg.wang/password", page.body(), Map.of("password", "12345"));
    assertThat(weakPassword.status()).isEqualTo(400);
    assertThat(weakPassword.body()).contains("err-password", "密码长度须为10至128位");
    assertThat(
            admin
                .post(
                    "/admin/users/scjg.wang/password",
                    page.body(),
                    Map.of("password", "Next#2026ok"))
                .status())
        .isEqualTo(302);
    assertThat(actions("user", "scjg.wang"))
        .containsExactly("user.create", "user.update", "user.resetPassword");
    assertThat(audit.forObject("user", "scjg.wang"))
        .allSatisfy(e -> assertThat(e.detail() == null ? "" : e.detail()).doesNotContain(PASSWORD));

    // the list, filtered
    assertThat(admin.get("/admin/users?department=SCJG&role=REVIEWER&enabled=true").body())
        .contains("scjg.wang", "scjg.reviewer")
        .doesNotContain("scjg.leader", "gaj.reviewer");
    List<Map<String, Object>> items =
        (List<Map<String, Object>>)
            admin(HttpMethod.GET, "/api/v1/admin/users?department=SCJG&role=HANDLER", null)
                .getBody()
                .get("items");
    assertThat(items)
        .extracting(u -> u.get("username"))
        .contains("scjg.handler", "scjg.wang")
        .doesNotContain("gaj.handler", "scjg.leader");
    assertThat(items).allSatisfy(u -> assertThat(u).doesNotContainKeys("password", "passwordHash"));

    // no self lock-out
    ResponseEntity<Map<String, Object>> self =
        admin(HttpMethod.POST, "/api/v1/admin/users/admin/disable", null);
    assertThat(self.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(self)).containsEntry("enabled", "不能停用自己的账号");
    ResponseEntity<Map<String, Object>> demote =
        admin(
            HttpMethod.PUT,
            "/api/v1/admin/users/admin",
            Map.of("displayName", "管理员", "roles", List.of("REGISTRAR")));
    assertThat(demote.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(demote)).containsKey("roles");
    assertThat(users.find("admin").orElseThrow().isEnabled()).isTrue();
    assertThat(users.find("admin").orElseThrow().hasRole(Role.ADMIN)).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void sessionsAreOpenedChangedAndOneIsCurrent() {
    ResponseEntity<Map<String, Object>> noKind =
        admin(HttpMethod.POST, "/api/v1/admin/sessions", Map.of("name", "市九届人大二次会议"));
    assertThat(noKind.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(noKind)).containsOnlyKeys("kind");
    assertThat(sessions.findByName("市九届人大二次会议")).isEmpty();

    ResponseEntity<Map<String, Object>> created =
        admin(
            HttpMethod.POST,
            "/api/v1/admin/sessions",
            Map.of("name", "市九届人大二次会议", "kind", "NPC", "opensOn", "2023-01-06", "current", true));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody()).containsEntry("current", true);
    long id = ((Number) created.getBody().get("id")).longValue();
    assertThat(sessions.current()).map(Session::id).hasValue(id);

    PortalSession admin = PortalSession.signIn(port, "admin", DEMO);
    PortalSession.Page list = admin.get("/admin/sessions");
    assertThat(list.body()).contains("市九届人大二次会议", "当前届次", "市九届人大一次会议");
    PortalSession.Page added =
        admin.post(
            "/admin/sessions",
            list.body(),
            Map.of(
                "name", "市九届政协二次会议", "kind", "CPPCC", "opensOn", "2023-01-05", "active", "true"));
    assertThat(added.status()).isEqualTo(302);
    Session cppcc = sessions.findByName("市九届政协二次会议").orElseThrow();

    PortalSession.Page edit = admin.get("/admin/sessions/" + cppcc.id());
    PortalSession.Page badDate =
        admin.post(
            "/admin/sessions/" + cppcc.id(),
            edit.body(),
            Map.of("name", "市九届政协二次会议", "kind", "CPPCC", "opensOn", "5.1.2023", "active", "true"));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).contains("err-opensOn");
    PortalSession.Page duplicate =
        admin.post(
            "/admin/sessions/" + cppcc.id(),
            edit.body(),
            Map.of("name", "市九届人大二次会议", "kind", "CPPCC", "active", "true"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(sessions.get(cppcc.id()).name()).isEqualTo("市九届政协二次会议");
    assertThat(
            admin
                .post(
                    "/admin/sessions/" + cppcc.id(),
                    edit.body(),
                    Map.of(
                        "name",
                        "市九届政协二次会议",
                        "kind",
                        "CPPCC",
                        "opensOn",
                        "2023-01-04",
                        "active",
                        "true"))
                .status())
        .isEqualTo(302);
    assertThat(
            admin
                .post("/admin/sessions/" + cppcc.id() + "/current", edit.body(), Map.of())
                .status())
        .isEqualTo(302);
    assertThat(sessions.current()).map(Session::id).hasValue(cppcc.id());

    ResponseEntity<Map<String, Object>> deactivateCurrent =
        admin(
            HttpMethod.PUT,
            "/api/v1/admin/sessions/" + cppcc.id(),
            Map.of("name", "市九届政协二次会议", "kind", "CPPCC", "active", false));
    assertThat(deactivateCurrent.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(deactivateCurrent)).containsOnlyKeys("active");
    List<Map<String, Object>> all =
        (List<Map<String, Object>>)
            admin(HttpMethod.GET, "/api/v1/admin/sessions", null).getBody().get("items");
    assertThat(all).filteredOn(s -> Boolean.TRUE.equals(s.get("current"))).hasSize(1);
    assertThat(actions("session", String.valueOf(cppcc.id())))
        .containsExactly("session.create", "session.update", "session.markCurrent");
    assertThat(actions("session", String.valueOf(id)))
        .contains("session.create", "session.markCurrent");
  }

  @Test
  @SuppressWarnings("unchecked")
  void holidaysChangeTheWorkingDayDeadlinesAtOnce() {
    // Monday 29 September 2031; 1–7 October 2031 are Wednesday to Tuesday
    LocalDate monday = LocalDate.of(2031, 9, 29);
    assertThat(calendar.deadlines().signForDueDate(monday)).isEqualTo(LocalDate.of(2031, 10, 6));

    ResponseEntity<Map<String, Object>> weekdayMakeUp =
        admin(
            HttpMethod.POST,
            "/api/v1/admin/holidays",
            Map.of("date", "2031-10-08", "kind", "WORKDAY", "name", "调休"));
    assertThat(weekdayMakeUp.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(weekdayMakeUp)).containsOnlyKeys("date");
    ResponseEntity<Map<String, Object>> badDate =
        admin(
            HttpMethod.POST,
            "/api/v1/admin/holidays",
            Map.of("date", "2031-13-01", "kind", "HOLIDAY", "name", "x"));
    assertThat(badDate.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(badDate)).containsKey("date");

    ResponseEntity<Map<String, Object>> added =
        admin(
            HttpMethod.POST,
            "/api/v1/admin/holidays",
            Map.of("date", "2031-10-01", "to", "2031-10-07", "kind", "HOLIDAY", "name", "国庆节"));
    assertThat(added.getStatusCode().value()).isEqualTo(201);
    assertThat((List<Object>) added.getBody().get("items")).hasSize(7);
    // Tuesday 30 September, then Wednesday 8 to Friday 10, Monday 13 October
    assertThat(calendar.deadlines().signForDueDate(monday)).isEqualTo(LocalDate.of(2031, 10, 13));

    PortalSession admin = PortalSession.signIn(port, "admin", DEMO);
    PortalSession.Page year = admin.get("/admin/holidays?year=2031");
    assertThat(year.status()).isEqualTo(200);
    assertThat(year.body()).contains("2031年节假日日历", "国庆节", "2031-10-07");
    PortalSession.Page overlap =
        admin.post(
            "/admin/holidays",
            year.body(),
            Map.of("date", "2031-10-07", "to", "2031-10-08", "kind", "HOLIDAY", "name", "x"));
    assertThat(overlap.status()).isEqualTo(409);
    PortalSession.Page missing =
        admin.post(
            "/admin/holidays", year.body(), Map.of("date", "", "kind", "WORKDAY", "name", ""));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("err-date", "err-name");
    PortalSession.Page makeUp =
        admin.post(
            "/admin/holidays",
            year.body(),
            Map.of("date", "2031-10-11", "kind", "WORKDAY", "name", "国庆节调休"));
    assertThat(makeUp.status()).isEqualTo(302);
    assertThat(calendar.deadlines().signForDueDate(monday)).isEqualTo(LocalDate.of(2031, 10, 11));

    assertThat(admin.post("/admin/holidays/2031-10-11/delete", year.body(), Map.of()).status())
        .isEqualTo(302);
    for (int day = 1; day <= 7; day++) {
      assertThat(
              admin(HttpMethod.DELETE, "/api/v1/admin/holidays/2031-10-0" + day, null)
                  .getStatusCode()
                  .value())
          .isEqualTo(204);
    }
    assertThat(calendar.deadlines().signForDueDate(monday)).isEqualTo(LocalDate.of(2031, 10, 6));
    assertThat(
            admin(HttpMethod.GET, "/api/v1/admin/holidays?year=2031", null).getBody().get("items"))
        .asList()
        .isEmpty();
    assertThat(actions("holiday", "2031-10-01")).containsExactly("holiday.add", "holiday.remove");
    assertThat(actions("holiday", "2031-10-11")).containsExactly("holiday.add", "holiday.remove");
  }

  @Test
  void nobodyButAdminsGetsIn() {
    List<String> pages =
        List.of(
            "/admin/departments",
            "/admin/users",
            "/admin/users/scjg.handler",
            "/admin/sessions",
            "/admin/holidays");
    List<String> apis =
        List.of(
            "/api/v1/admin/departments",
            "/api/v1/admin/users",
            "/api/v1/admin/sessions",
            "/api/v1/admin/holidays");
    for (String user :
        List.of("registrar", "scjg.handler", "scjg.reviewer", "scjg.leader", "deputy.jinmiao")) {
      PortalSession s = PortalSession.signIn(port, user, DEMO);
      for (String page : pages) {
        assertThat(s.get(page).status()).as(user + " " + page).isEqualTo(403);
      }
      for (String api : apis) {
        assertThat(api(user, DEMO, HttpMethod.GET, api, null).getStatusCode().value())
            .as(user + " " + api)
            .isEqualTo(403);
      }
      assertThat(
              api(user, DEMO, HttpMethod.POST, "/api/v1/admin/users/scjg.leader/disable", null)
                  .getStatusCode()
                  .value())
          .isEqualTo(403);
      PortalSession.Page inbox = s.get("/portal/inbox");
      if (inbox.status() == 200 && inbox.body().contains("_csrf")) {
        assertThat(
                s.post("/admin/departments", inbox.body(), Map.of("code", "HACK", "name", "黑客局"))
                    .status())
            .isEqualTo(403);
      }
    }
    assertThat(users.find("scjg.leader").orElseThrow().isEnabled()).isTrue();
    assertThat(departments.all()).extracting(Department::code).doesNotContain("HACK");
    assertThat(http.getForEntity("/api/v1/admin/users", String.class).getStatusCode().value())
        .isEqualTo(401);
    PortalSession.Page anonymous = PortalSession.anonymous(port).get("/admin/users");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).contains("/login");
  }

  @Test
  @SuppressWarnings("unchecked")
  void disablingAnAccountEndsItsSessionsAndReleasesItsTasks() {
    assertThat(
            admin(
                    HttpMethod.POST,
                    "/api/v1/admin/users",
                    Map.of(
                        "username", "scjg.zhao",
                        "displayName", "赵六",
                        "password", PASSWORD,
                        "departmentCode", "SCJG",
                        "roles", List.of("HANDLER")))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    // the administrator chose that password: the person sets their own before anything else
    assertThat(
            api("scjg.zhao", PASSWORD, HttpMethod.GET, "/api/v1/me", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            api(
                    "scjg.zhao",
                    PASSWORD,
                    HttpMethod.POST,
                    "/api/v1/me/password",
                    Map.of("currentPassword", PASSWORD, "newPassword", OWN))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    PortalSession zhao = PortalSession.signIn(port, "scjg.zhao", OWN);
    assertThat(zhao.get("/portal/inbox").status()).isEqualTo(200);
    // the person claims one of the department's open tasks
    List<Map<String, Object>> open =
        (List<Map<String, Object>>)
            api("scjg.zhao", OWN, HttpMethod.GET, "/api/v1/tasks?size=200", null)
                .getBody()
                .get("items");
    Map<String, Object> task =
        open.stream().filter(t -> t.get("assignee") == null).findFirst().orElseThrow();
    String taskId = (String) task.get("id");
    assertThat(
            api("scjg.zhao", OWN, HttpMethod.POST, "/api/v1/tasks/" + taskId + "/claim", null)
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("scjg.zhao");

    ResponseEntity<Map<String, Object>> disabled =
        admin(HttpMethod.POST, "/api/v1/admin/users/scjg.zhao/disable", null);
    assertThat(disabled.getBody())
        .containsEntry("enabled", false)
        .containsEntry("releasedTasks", 1);

    // the session that was signed in ends on its next request: pages go to sign-in, the API 401
    PortalSession.Page next = zhao.get("/portal/inbox");
    assertThat(next.status()).isEqualTo(302);
    assertThat(next.location()).contains("/login");
    assertThat(zhao.get("/api/v1/me").status()).isEqualTo(401);
    assertThatThrownBy(() -> PortalSession.signIn(port, "scjg.zhao", OWN))
        .isInstanceOf(IllegalStateException.class);
    assertThat(api("scjg.zhao", OWN, HttpMethod.GET, "/api/v1/me", null).getStatusCode().value())
        .isEqualTo(401);

    // the task is open to the colleagues again
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    String proposalId = String.valueOf(task.get("proposalId"));
    assertThat(audit.forObject("proposal", proposalId))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("task.release");
              assertThat(e.actor()).isEqualTo("admin");
            });
    assertThat(actions("user", "scjg.zhao"))
        .containsExactly("user.create", "user.changePassword", "user.disable");

    // enabled again, the person signs in anew; a new password ends that session too
    admin(HttpMethod.POST, "/api/v1/admin/users/scjg.zhao/enable", null);
    PortalSession again = PortalSession.signIn(port, "scjg.zhao", OWN);
    assertThat(again.get("/portal/inbox").status()).isEqualTo(200);
    assertThat(
            admin(
                    HttpMethod.POST,
                    "/api/v1/admin/users/scjg.zhao/password",
                    Map.of("password", "Other#2026ok"))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(again.get("/portal/inbox").status()).isEqualTo(302);
    // and that password, set by the administrator, leads to the password page first
    PortalSession.Page held =
        PortalSession.signIn(port, "scjg.zhao", "Other#2026ok").get("/portal/inbox");
    assertThat(held.status()).isEqualTo(302);
    assertThat(held.location()).endsWith("/portal/password");
  }
}
