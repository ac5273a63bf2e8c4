package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.civicflow.domain.letter.LetterArchives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every endpoint of the API and every portal page, tried as each kind of person: anonymous, a
 * proposer and another proposer, a handler of the assigned department and one of another
 * department, the assigned department's reviewer and leader, the registrar and an administrator.
 * Each cell is a named test; the whole table is printed and written to {@code
 * docs/access-matrix.md}. A second table (need to know) tries every endpoint and page that shows
 * drafts, comments, diffs or letters as the lead department, a co-handling department, a department
 * released by a re-assignment, a department never assigned, the proposer and the registrar, and
 * checks whether the body shows the lead's internals.
 *
 * <p>State-changing endpoints are called with bodies that are harmless or invalid: a 400 (or 404 of
 * a missing target) proves that the caller got past authorization, a 403 that it did not. The few
 * 2xx cells that change something change it back (a claim is unclaimed) or set what was already
 * there.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

  /** The people of the matrix, in the order of its columns. */
  enum Who {
    ANONYMOUS(null, "anonymous"),
    PROPOSER("deputy.jinmiao", "proposer"),
    OTHER_PROPOSER("deputy.matrix", "other proposer"),
    HANDLER("scjg.handler", "handler (assigned dept)"),
    OTHER_HANDLER("swj.handler", "handler (other dept)"),
    REVIEWER("scjg.reviewer", "reviewer"),
    LEADER("scjg.leader", "leader"),
    REGISTRAR("registrar", "registrar"),
    ADMIN("admin", "admin");

    final String username;
    final String label;

    Who(String username, String label) {
      this.username = username;
      this.label = label;
    }
  }

  /** How a request is made. */
  enum Kind {
    GET,
    POST_JSON,
    PUT_JSON,
    DELETE,
    POST_FORM,
    POST_FILE,
    POST_NO_FILE
  }

  /**
   * One endpoint or page: the request and the expected answer per person, in {@link Who} order.
   * Expectations: a status code; {@code L} a redirect to the login page; {@code >/path} a redirect
   * there; {@code E} a redirect to a page that shows an error message (a refused form action).
   */
  record Row(Kind kind, String path, Object body, String expected, String note) {

    String[] cells() {
      String[] c = expected.trim().split("\\s+");
      if (c.length != Who.values().length) {
        throw new IllegalStateException(path + ": " + c.length + " expectations");
      }
      return c;
    }

    String method() {
      return switch (kind) {
        case GET -> "GET";
        case PUT_JSON -> "PUT";
        case DELETE -> "DELETE";
        default -> "POST";
      };
    }
  }

  static final String ALL_OK = "401 200 200 200 200 200 200 200 200";
  static final String ADMIN_ONLY = "401 403 403 403 403 403 403 403 ";
  static final String PAGE_ALL = "L 200 200 200 200 200 200 200 200";
  static final String PAGE_ADMIN = "L 403 403 403 403 403 403 403 200";
  static final String REGISTRAR_API = "401 403 403 403 403 403 403 ";
  static final String REGISTRAR_PAGE = "L 403 403 403 403 403 403 ";
  static final String LONG_REASON = "理".repeat(1001);

  static final List<Row> ROWS =
      List.of(
          // --- the API: who am I, proposals
          new Row(Kind.GET, "/api/v1/me", null, ALL_OK, ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/me/password",
              Map.of(),
              "401 400 400 400 400 400 400 400 400",
              "own password; empty body: 400 shows the caller got through"),
          new Row(Kind.GET, "/api/v1/proposals", null, ALL_OK, "lists filtered by who asks"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/proposals",
              Map.of(),
              "401 403 403 403 403 403 403 400 403",
              "empty body: 400 shows the registrar got through"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{unassigned}",
              null,
              "401 200 404 404 404 404 404 200 200",
              "registered, not yet assigned"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{assigned}",
              null,
              "401 200 404 200 404 200 200 200 200",
              "assigned to SCJG, in review"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{other}",
              null,
              "401 404 200 404 404 404 404 200 200",
              "the other proposer's"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{assigned}/diagram",
              null,
              "401 200 404 200 404 200 200 200 200",
              "the proposer gets an empty list"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{assigned}/drafts/1/diff",
              null,
              "401 404 404 200 404 200 200 200 200",
              "drafts are internal"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{assigned}/similar",
              null,
              "401 404 404 200 404 200 200 200 200",
              "并案 candidates: registrar's office and staff who see it"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{unassigned}/similar?scope=session",
              null,
              "401 404 404 404 404 404 404 200 200",
              ""),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{assigned}/similar-replies",
              null,
              "401 200 404 200 404 200 200 200 200",
              "only replies the caller may read"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/987654321",
              null,
              "401 404 404 404 404 404 404 404 404",
              "no such proposal"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/proposals/{assigned}/withdraw",
              Map.of("reason", LONG_REASON),
              "401 400 404 403 404 403 403 403 403",
              "reason too long: 400 for its proposer only"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/proposals/{assigned}/drafts/99/withdraw",
              Map.of(),
              "401 403 404 409 404 403 403 403 403",
              "no version 99: the handler gets past the check"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/proposals/{assigned}/extension-requests",
              Map.of("reason", LONG_REASON),
              "401 403 404 400 404 403 403 403 403",
              "invalid request: 400 for the lead department's handler"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/proposals/{assigned}/publications/987654321/withdraw",
              Map.of(),
              "401 403 403 403 403 403 403 404 403",
              "registrar only; no such publication"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/proposals/{assigned}/key",
              Map.of("key", false),
              "401 403 403 403 403 403 403 204 403",
              "sets what is already set"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{published}/replies/{publication}/letter",
              null,
              "401 200 404 200 404 200 200 200 200",
              "reply letter of 911100 (SCJG)"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/{published}/replies/{publication}/letter.pdf",
              null,
              "401 200 404 200 404 200 200 200 200",
              "signed PDF letter of 911100 (SCJG)"),
          new Row(
              Kind.GET,
              "/api/v1/departments/SCJG/letter-numbering",
              null,
              "401 403 403 403 403 403 200 403 200",
              "document numbers: the department's leader, admins"),
          new Row(
              Kind.PUT_JSON,
              "/api/v1/departments/SCJG/letter-numbering/2099",
              Map.of(),
              "401 403 403 403 403 403 400 403 400",
              "empty body: 400 shows the caller got through"),
          // --- tasks
          new Row(Kind.GET, "/api/v1/tasks", null, ALL_OK, "the caller's inbox"),
          new Row(
              Kind.GET,
              "/api/v1/tasks/{acceptTask}",
              null,
              "401 403 403 403 403 403 403 200 403",
              "reviewAcceptance"),
          new Row(
              Kind.GET,
              "/api/v1/tasks/{reviewTask}",
              null,
              "401 403 403 403 403 200 403 403 403",
              "reviewDraft at SCJG"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/tasks/{reviewTask}/claim",
              Map.of(),
              "401 403 403 403 403 204 403 403 403",
              "unclaimed again after the cell"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/tasks/{reviewTask}/unclaim",
              Map.of(),
              "401 403 403 403 403 204 403 403 403",
              "not claimed: nothing to do for a candidate"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/tasks/{reviewTask}/complete",
              Map.of("decision", "MAYBE"),
              "401 403 403 403 403 400 403 403 403",
              "invalid decision"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/tasks/no-such-task/complete",
              Map.of(),
              "401 404 404 404 404 404 404 404 404",
              ""),
          // --- public, statistics, imports, notices
          new Row(
              Kind.GET,
              "/api/v1/public/replies",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public"),
          new Row(
              Kind.GET,
              "/api/v1/public/replies/{publication}",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public"),
          new Row(
              Kind.GET,
              "/api/v1/public/replies/{publication}/related",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public: published replies only"),
          new Row(Kind.GET, "/api/v1/stats", null, REGISTRAR_API + "200 200", ""),
          new Row(Kind.GET, "/api/v1/stats/export.xlsx", null, REGISTRAR_API + "200 200", ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/summaries",
              Map.of(),
              REGISTRAR_API + "400 400",
              "no session: 400 shows the caller got through"),
          new Row(Kind.GET, "/api/v1/summaries", null, REGISTRAR_API + "200 200", ""),
          new Row(
              Kind.GET,
              "/api/v1/commitments/pre-session-check",
              null,
              REGISTRAR_API + "200 200",
              ""),
          new Row(
              Kind.PUT_JSON,
              "/api/v1/commitments/pre-session-check",
              Map.of(),
              REGISTRAR_API + "400 400",
              "no date: 400 shows the caller got through"),
          new Row(Kind.GET, "/api/v1/summaries/{summary}", null, REGISTRAR_API + "200 200", ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/summaries/{summary}/publish",
              Map.of(),
              REGISTRAR_API + "409 409",
              "the demo summary is published already: 409 shows the caller got through"),
          new Row(
              Kind.GET,
              "/api/v1/summaries/{summary}/summary.xlsx",
              null,
              REGISTRAR_API + "200 200",
              ""),
          new Row(
              Kind.GET,
              "/api/v1/summaries/{summary}/summary.docx",
              null,
              REGISTRAR_API + "200 200",
              ""),
          new Row(
              Kind.GET,
              "/api/v1/public/summaries",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public: published summaries only"),
          new Row(
              Kind.GET,
              "/api/v1/public/summaries/{summary}",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public"),
          new Row(
              Kind.GET,
              "/api/v1/public/summaries/{summary}/summary.xlsx",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public"),
          new Row(
              Kind.GET,
              "/api/v1/public/summaries/{summary}/summary.docx",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public"),
          new Row(
              Kind.POST_FILE,
              "/api/v1/proposals/imports",
              "",
              REGISTRAR_API + "400 403",
              "an empty file"),
          new Row(
              Kind.GET,
              "/api/v1/proposals/imports/{importJob}",
              null,
              REGISTRAR_API + "200 403",
              "a previewed job"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/sessions/{session}/letters/archive",
              Map.of("department", "NOPE"),
              REGISTRAR_API + "400 403",
              "a session's letters as one ZIP; an unknown department"),
          new Row(
              Kind.GET,
              "/api/v1/sessions/{session}/letters/archive/{letterArchive}",
              null,
              REGISTRAR_API + "200 403",
              "its progress"),
          new Row(
              Kind.GET,
              "/api/v1/sessions/{session}/letters/archive/987654321/file",
              null,
              REGISTRAR_API + "404 403",
              "the ZIP of a job that does not exist"),
          new Row(Kind.GET, "/api/v1/notifications", null, ALL_OK, "the caller's own"),
          new Row(
              Kind.POST_JSON,
              "/api/v1/notifications/{notice}/read",
              Map.of(),
              "401 204 404 404 404 404 404 404 404",
              "the proposer's notice"),
          // --- the admin API
          new Row(Kind.GET, "/api/v1/admin/process-definitions", null, ADMIN_ONLY + "200", ""),
          new Row(Kind.GET, "/api/v1/admin/models/vocabulary", null, ADMIN_ONLY + "200", ""),
          new Row(
              Kind.GET,
              "/api/v1/admin/models/{processDefinition}/xml",
              null,
              ADMIN_ONLY + "200",
              ""),
          new Row(
              Kind.POST_NO_FILE,
              "/api/v1/admin/models/validation",
              null,
              ADMIN_ONLY + "400",
              "no file"),
          new Row(
              Kind.POST_NO_FILE,
              "/api/v1/admin/models/impact",
              null,
              ADMIN_ONLY + "400",
              "no file"),
          new Row(
              Kind.POST_NO_FILE, "/api/v1/admin/deployments", null, ADMIN_ONLY + "400", "no file"),
          new Row(
              Kind.POST_JSON, "/api/v1/admin/migrations", Map.of(), ADMIN_ONLY + "400", "empty"),
          new Row(
              Kind.GET,
              "/api/v1/admin/models/departmentHandling/built-in/999",
              null,
              ADMIN_ONLY + "404",
              "no such pending built-in revision"),
          new Row(
              Kind.GET,
              "/api/v1/admin/models/departmentHandling/built-in/999/xml",
              null,
              ADMIN_ONLY + "404",
              ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/admin/models/departmentHandling/built-in/999/deploy",
              Map.of(),
              ADMIN_ONLY + "404",
              ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/admin/models/departmentHandling/built-in/999/keep",
              Map.of(),
              ADMIN_ONLY + "404",
              ""),
          new Row(Kind.GET, "/api/v1/admin/users", null, ADMIN_ONLY + "200", ""),
          new Row(Kind.GET, "/api/v1/admin/users/registrar", null, ADMIN_ONLY + "200", ""),
          new Row(Kind.POST_JSON, "/api/v1/admin/users", Map.of(), ADMIN_ONLY + "400", "empty"),
          new Row(
              Kind.PUT_JSON, "/api/v1/admin/users/nobody.here", Map.of(), ADMIN_ONLY + "404", ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/admin/users/nobody.here/disable",
              Map.of(),
              ADMIN_ONLY + "404",
              ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/admin/users/nobody.here/enable",
              Map.of(),
              ADMIN_ONLY + "404",
              ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/admin/users/nobody.here/password",
              Map.of("password", "x"),
              ADMIN_ONLY + "404",
              ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/admin/users/nobody.here/unlock",
              Map.of(),
              ADMIN_ONLY + "404",
              ""),
          new Row(
              Kind.GET,
              "/api/v1/admin/audit/verification",
              null,
              ADMIN_ONLY + "200",
              "verifies the audit chain now"),
          new Row(Kind.GET, "/api/v1/admin/departments", null, ADMIN_ONLY + "200", ""),
          new Row(Kind.GET, "/api/v1/admin/departments/SCJG", null, ADMIN_ONLY + "200", ""),
          new Row(
              Kind.POST_JSON, "/api/v1/admin/departments", Map.of(), ADMIN_ONLY + "400", "empty"),
          new Row(
              Kind.PUT_JSON, "/api/v1/admin/departments/NOPE", Map.of(), ADMIN_ONLY + "404", ""),
          new Row(Kind.GET, "/api/v1/admin/sessions", null, ADMIN_ONLY + "200", ""),
          new Row(Kind.POST_JSON, "/api/v1/admin/sessions", Map.of(), ADMIN_ONLY + "400", "empty"),
          new Row(
              Kind.PUT_JSON, "/api/v1/admin/sessions/987654321", Map.of(), ADMIN_ONLY + "404", ""),
          new Row(
              Kind.POST_JSON,
              "/api/v1/admin/sessions/987654321/current",
              Map.of(),
              ADMIN_ONLY + "404",
              ""),
          new Row(Kind.GET, "/api/v1/admin/holidays", null, ADMIN_ONLY + "200", ""),
          new Row(Kind.POST_JSON, "/api/v1/admin/holidays", Map.of(), ADMIN_ONLY + "400", "empty"),
          new Row(
              Kind.DELETE,
              "/api/v1/admin/holidays/1901-01-01",
              null,
              ADMIN_ONLY + "404",
              "no such day"),
          new Row(
              Kind.GET,
              "/api/v1/admin/settings/separation-of-duties",
              null,
              ADMIN_ONLY + "200",
              ""),
          new Row(
              Kind.PUT_JSON,
              "/api/v1/admin/settings/separation-of-duties",
              Map.of(),
              ADMIN_ONLY + "400",
              "no `enabled`: nothing changes"),
          new Row(
              Kind.GET, "/api/v1/result-categories", null, ALL_OK, "the result categories in use"),
          new Row(Kind.GET, "/api/v1/admin/result-categories", null, ADMIN_ONLY + "200", ""),
          new Row(
              Kind.PUT_JSON,
              "/api/v1/admin/result-categories",
              Map.of(),
              ADMIN_ONLY + "400",
              "no `set`: nothing changes"),
          new Row(
              Kind.PUT_JSON,
              "/api/v1/admin/result-categories/ABC/Q",
              Map.of(),
              ADMIN_ONLY + "404",
              "no such category"),
          new Row(
              Kind.GET, "/api/v1/nothing-here", null, "401 404 404 404 404 404 404 404 404", ""),
          // --- outside the API and the portal
          new Row(Kind.GET, "/v3/api-docs", null, "200 200 200 200 200 200 200 200 200", "public"),
          new Row(
              Kind.GET, "/actuator/health", null, "200 200 200 200 200 200 200 200 200", "public"),
          new Row(
              Kind.GET,
              "/engine-rest/engine",
              null,
              "L 404 404 404 404 404 404 404 404",
              "Camunda REST is not there"),
          new Row(
              Kind.GET,
              "/camunda/app/welcome/default/",
              null,
              "L 404 404 404 404 404 404 404 404",
              "no Camunda webapps"),
          // --- pages: public site and the portal
          new Row(Kind.GET, "/", null, "200 200 200 200 200 200 200 200 200", "public site"),
          new Row(
              Kind.GET,
              "/public/replies/{publication}",
              null,
              "200 200 200 200 200 200 200 200 200",
              ""),
          new Row(Kind.GET, "/verify", null, "200 200 200 200 200 200 200 200 200", "验证答复函"),
          new Row(
              Kind.POST_NO_FILE,
              "/verify",
              null,
              "200 200 200 200 200 200 200 200 200",
              "no file: the page names the problem"),
          new Row(
              Kind.GET,
              "/verify/AAAAAAAAAA",
              null,
              "404 404 404 404 404 404 404 404 404",
              "no letter has this code"),
          new Row(
              Kind.POST_NO_FILE,
              "/api/v1/public/letters/verification",
              null,
              "400 400 400 400 400 400 400 400 400",
              "public; no file: 400 naming file"),
          new Row(Kind.GET, "/login", null, "200 200 200 200 200 200 200 200 200", ""),
          new Row(
              Kind.GET,
              "/portal",
              null,
              "L >/portal/mine >/portal/mine >/portal/inbox >/portal/inbox >/portal/inbox >/portal/inbox >/portal/inbox >/portal/inbox",
              "where each starts"),
          new Row(Kind.GET, "/portal/inbox", null, PAGE_ALL, ""),
          new Row(Kind.GET, "/portal/mine", null, PAGE_ALL, ""),
          new Row(Kind.GET, "/portal/proposals", null, PAGE_ALL, "lists filtered by who asks"),
          new Row(
              Kind.GET,
              "/portal/proposals/{unassigned}",
              null,
              "L 200 404 404 404 404 404 200 200",
              ""),
          new Row(
              Kind.GET,
              "/portal/proposals/{assigned}",
              null,
              "L 200 404 200 404 200 200 200 200",
              ""),
          new Row(
              Kind.GET, "/portal/proposals/{other}", null, "L 404 200 404 404 404 404 200 200", ""),
          new Row(
              Kind.GET,
              "/portal/proposals/{published}/replies/{publication}/letter",
              null,
              "L 200 404 200 404 200 200 200 200",
              ""),
          new Row(
              Kind.GET,
              "/portal/proposals/{published}/replies/{publication}/letter.pdf",
              null,
              "L 200 404 200 404 200 200 200 200",
              ""),
          new Row(
              Kind.POST_FORM,
              "/portal/proposals/{assigned}/key",
              Map.of("key", "false"),
              "L E E E E E E >/portal/proposals/{assigned} E",
              "registrar only"),
          new Row(
              Kind.GET,
              "/portal/tasks/{reviewTask}",
              null,
              "L 403 403 403 403 200 403 403 403",
              ""),
          new Row(
              Kind.GET,
              "/portal/tasks/{reviewTask}/similar?fragment=true",
              null,
              "L 403 403 403 403 200 403 403 403",
              "the task's similar items: who may open the task"),
          new Row(
              Kind.POST_FORM,
              "/portal/tasks/{reviewTask}",
              Map.of("decision", "MAYBE"),
              "L E E E E 400 E E E",
              "invalid decision: the form again with the error"),
          new Row(
              Kind.POST_FORM,
              "/portal/tasks/{reviewTask}/claim",
              Map.of(),
              "L E E E E >/portal/inbox E E E",
              "unclaimed again after the cell"),
          new Row(Kind.GET, "/portal/notices", null, PAGE_ALL, ""),
          new Row(Kind.GET, "/portal/password", null, PAGE_ALL, "own password"),
          new Row(
              Kind.POST_FORM,
              "/portal/password",
              Map.of(),
              "L 400 400 400 400 400 400 400 400",
              "empty form"),
          new Row(
              Kind.POST_FORM,
              "/portal/notices/987654321/read",
              Map.of(),
              "L 404 404 404 404 404 404 404 404",
              "no such notice"),
          new Row(Kind.GET, "/portal/imports", null, REGISTRAR_PAGE + "200 403", ""),
          new Row(
              Kind.POST_FILE, "/portal/imports", "", REGISTRAR_PAGE + "400 403", "an empty file"),
          new Row(Kind.GET, "/portal/imports/{importJob}", null, REGISTRAR_PAGE + "200 403", ""),
          new Row(
              Kind.POST_FORM,
              "/portal/imports/987654321/start",
              Map.of(),
              REGISTRAR_PAGE + "404 403",
              ""),
          new Row(Kind.GET, "/portal/imports/template.xlsx", null, REGISTRAR_PAGE + "200 403", ""),
          new Row(Kind.GET, "/portal/imports/template.csv", null, REGISTRAR_PAGE + "200 403", ""),
          new Row(Kind.GET, "/portal/letter-archives", null, REGISTRAR_PAGE + "200 403", ""),
          new Row(
              Kind.POST_FORM,
              "/portal/letter-archives",
              Map.of("session", "987654321"),
              REGISTRAR_PAGE + "404 403",
              "a session that does not exist"),
          new Row(
              Kind.GET,
              "/portal/letter-archives/{letterArchive}",
              null,
              REGISTRAR_PAGE + "200 403",
              ""),
          new Row(
              Kind.GET,
              "/portal/letter-archives/987654321/file",
              null,
              REGISTRAR_PAGE + "404 403",
              ""),
          new Row(Kind.GET, "/portal/stats", null, REGISTRAR_PAGE + "200 200", ""),
          new Row(Kind.GET, "/portal/stats/export.xlsx", null, REGISTRAR_PAGE + "200 200", ""),
          new Row(Kind.GET, "/portal/summaries", null, REGISTRAR_PAGE + "200 200", ""),
          new Row(
              Kind.GET,
              "/portal/commitments/pre-session-check",
              null,
              REGISTRAR_PAGE + "200 200",
              ""),
          new Row(
              Kind.POST_FORM,
              "/portal/commitments/pre-session-check",
              Map.of(),
              REGISTRAR_PAGE + "400 400",
              "no date: 400 shows the caller got through"),
          new Row(
              Kind.POST_FORM,
              "/portal/summaries",
              Map.of(),
              REGISTRAR_PAGE + "400 400",
              "no session: 400 shows the caller got through"),
          new Row(Kind.GET, "/portal/summaries/{summary}", null, REGISTRAR_PAGE + "200 200", ""),
          new Row(
              Kind.POST_FORM,
              "/portal/summaries/{summary}/publish",
              Map.of(),
              REGISTRAR_PAGE + "409 409",
              "published already"),
          new Row(
              Kind.GET,
              "/portal/summaries/{summary}/summary.xlsx",
              null,
              REGISTRAR_PAGE + "200 200",
              ""),
          new Row(
              Kind.GET,
              "/portal/summaries/{summary}/summary.docx",
              null,
              REGISTRAR_PAGE + "200 200",
              ""),
          new Row(
              Kind.GET, "/public/summaries", null, "200 200 200 200 200 200 200 200 200", "public"),
          new Row(
              Kind.GET,
              "/public/summaries/{summary}",
              null,
              "200 200 200 200 200 200 200 200 200",
              "public: the demo session's published summary"),
          new Row(Kind.GET, "/portal/department", null, "L 403 403 403 403 403 200 403 403", ""),
          // --- administration pages
          new Row(Kind.GET, "/admin/users", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/users/new", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/users/registrar", null, PAGE_ADMIN, ""),
          new Row(
              Kind.POST_FORM,
              "/admin/users",
              Map.of(),
              "L 403 403 403 403 403 403 403 400",
              "empty form"),
          new Row(
              Kind.POST_FORM,
              "/admin/users/nobody.here/enabled",
              Map.of("enabled", "true"),
              "L 403 403 403 403 403 403 403 404",
              ""),
          new Row(Kind.GET, "/admin/departments", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/departments/SCJG", null, PAGE_ADMIN, ""),
          new Row(
              Kind.POST_FORM,
              "/admin/departments",
              Map.of(),
              "L 403 403 403 403 403 403 403 400",
              "empty form"),
          new Row(Kind.GET, "/admin/sessions", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/sessions/{session}", null, PAGE_ADMIN, ""),
          new Row(
              Kind.POST_FORM,
              "/admin/sessions",
              Map.of(),
              "L 403 403 403 403 403 403 403 400",
              "empty form"),
          new Row(Kind.GET, "/admin/holidays", null, PAGE_ADMIN, ""),
          new Row(
              Kind.POST_FORM,
              "/admin/holidays",
              Map.of(),
              "L 403 403 403 403 403 403 403 400",
              "empty form"),
          new Row(Kind.GET, "/admin/models", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/models/{processDefinition}/download", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/models/{processDefinition}/edit", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/models/editor", null, PAGE_ADMIN, ""),
          new Row(
              Kind.GET, "/admin/models/decisions/{decisionDefinition}/edit", null, PAGE_ADMIN, ""),
          new Row(
              Kind.GET, "/admin/models/departmentHandling/migrations/new", null, PAGE_ADMIN, ""),
          new Row(
              Kind.GET,
              "/admin/models/departmentHandling/built-in/999",
              null,
              "L 403 403 403 403 403 403 403 404",
              "no such pending built-in revision"),
          new Row(
              Kind.POST_FORM,
              "/admin/models/departmentHandling/built-in/999/deploy",
              Map.of(),
              "L 403 403 403 403 403 403 403 404",
              ""),
          new Row(
              Kind.POST_FORM,
              "/admin/models/departmentHandling/built-in/999/keep",
              Map.of(),
              "L 403 403 403 403 403 403 403 404",
              ""),
          new Row(Kind.GET, "/admin/integrity", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/settings", null, PAGE_ADMIN, ""),
          new Row(Kind.GET, "/admin/result-categories", null, PAGE_ADMIN, ""),
          new Row(
              Kind.POST_FORM,
              "/admin/result-categories/switch",
              Map.of(),
              "L 403 403 403 403 403 403 403 E",
              "no set: the page names the problem, nothing changes"),
          new Row(
              Kind.POST_FORM,
              "/admin/result-categories/ABC/A",
              Map.of(),
              "L 403 403 403 403 403 403 403 E",
              "no labels: the page names the problem, nothing changes"),
          new Row(
              Kind.POST_FORM,
              "/admin/settings/separation-of-duties",
              Map.of("enabled", "true"),
              "L 403 403 403 403 403 403 403 >/admin/settings",
              "sets what is already set"),
          new Row(
              Kind.POST_FORM,
              "/admin/integrity/audit/verify",
              Map.of(),
              "L 403 403 403 403 403 403 403 >/admin/integrity",
              "verifies the audit chain now"),
          new Row(
              Kind.POST_FORM,
              "/admin/integrity/987654321/resolve",
              Map.of(),
              "L 403 403 403 403 403 403 403 404",
              ""));

  /**
   * The people of the need-to-know table: departments in each standing on proposals that SCJG
   * leads, WXB co-handles and GAJ was released from by a re-assignment; a department never
   * assigned; the proposer; the registrar.
   */
  enum Party {
    LEAD("scjg.reviewer", "lead dept (SCJG reviewer)"),
    CO("wxb.handler", "co-handling dept (WXB)"),
    RELEASED("gaj.handler", "released dept (GAJ)"),
    OTHER("jyj.handler", "another dept (JYJ)"),
    PROPOSER(NeedToKnowFixtures.PROPOSER, "proposer"),
    REGISTRAR("registrar", "registrar");

    final String username;
    final String label;

    Party(String username, String label) {
      this.username = username;
      this.label = label;
    }
  }

  /**
   * A page or GET endpoint that shows drafts, comments, diffs or letters, and the expected answer
   * per {@link Party}: a status; {@code 200+} the body shows the lead department's internals (its
   * drafts and the reviewer's comment — {@code markers}); {@code 200-} it shows none of them.
   */
  record Sight(String path, String markers, String expected, String note) {

    String[] cells() {
      String[] c = expected.trim().split("\\s+");
      if (c.length != Party.values().length) {
        throw new IllegalStateException(path + ": " + c.length + " expectations");
      }
      return c;
    }
  }

  static final String LEAD_ONLY = "200+ 200- 200- 404 200- 200+";

  static final List<Sight> SIGHTS =
      List.of(
          new Sight("/api/v1/proposals/{handled}", "handled", LEAD_ONLY, "v2 in review"),
          new Sight("/portal/proposals/{handled}", "handled", LEAD_ONLY, ""),
          new Sight(
              "/api/v1/proposals/{handled}/drafts/2/diff",
              "handled",
              "200 404 404 404 404 200",
              "the lead's diff"),
          new Sight(
              "/api/v1/proposals/{handled}/drafts/2/diff?department=SCJG&from=1",
              "handled",
              "200 404 404 404 404 200",
              "naming the lead"),
          new Sight(
              "/api/v1/proposals/{handled}/diagram",
              "diagram",
              "200+ 200- 200- 404 200- 200+",
              "+: the lead's handling instance"),
          new Sight(
              "/portal/tasks/{handledReview}",
              "handled",
              "200+ 403 403 403 403 403",
              "the lead's review step: drafts, comments, diff"),
          new Sight(
              "/api/v1/tasks/{handledReview}",
              "handled",
              "200- 403 403 403 403 403",
              "the step and its form"),
          new Sight(
              "/api/v1/proposals/{signed}",
              "signed",
              LEAD_ONLY,
              "signed, not yet sent: the signed text too"),
          new Sight("/portal/proposals/{signed}", "signed", LEAD_ONLY, ""),
          new Sight(
              "/api/v1/proposals/{signed}/replies/{signedPublication}/letter",
              "none",
              "200 404 404 404 404 200",
              "letter of a reply not yet sent"),
          new Sight(
              "/portal/proposals/{signed}/replies/{signedPublication}/letter",
              "none",
              "200 404 404 404 404 200",
              ""),
          new Sight(
              "/api/v1/proposals/{signed}/replies/{signedPublication}/letter.pdf",
              "none",
              "200 404 404 404 404 200",
              "signed PDF letter of a reply not yet sent"),
          new Sight(
              "/api/v1/proposals/{sent}",
              "sent",
              LEAD_ONLY,
              "sent: the reply shows, the drafts do not"),
          new Sight("/portal/proposals/{sent}", "sent", LEAD_ONLY, ""),
          new Sight(
              "/api/v1/proposals/{sent}/drafts/1/diff", "sent", "200 404 404 404 404 200", ""),
          new Sight(
              "/api/v1/proposals/{sent}/replies/{sentPublication}/letter",
              "none",
              "200 200 404 404 200 200",
              "letter of the sent reply"),
          new Sight(
              "/portal/proposals/{sent}/replies/{sentPublication}/letter",
              "none",
              "200 200 404 404 200 200",
              ""),
          new Sight(
              "/api/v1/proposals/{sent}/replies/{sentPublication}/letter.pdf",
              "none",
              "200 200 404 404 200 200",
              "signed PDF letter of the sent reply"),
          new Sight(
              "/api/v1/proposals/{sent}/similar-replies?size=50",
              "signedReply",
              "200+ 200- 200- 404 200- 200+",
              "+: SCJG's signed reply of {signed}, not public: its own department and the registrar"),
          new Sight(
              "/api/v1/proposals/{sent}/similar?size=50",
              "assignedProposal",
              "200+ 200- 200- 404 404 200+",
              "+: {assigned}, which only SCJG (and the registrar) may see"));

  @LocalServerPort int port;
  @Autowired UserManagement userManagement;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;
  @Autowired LetterArchives letterArchives;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  private final Map<Who, Visitor> visitors = new LinkedHashMap<>();
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Map<String, String> actual = new ConcurrentHashMap<>();
  private final Map<Party, Visitor> parties = new LinkedHashMap<>();
  private final Map<String, List<String>> markers = new LinkedHashMap<>();
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private NeedToKnowFixtures n;
  private NeedToKnowFixtures.Handled handled;
  private NeedToKnowFixtures.Handled signed;
  private NeedToKnowFixtures.Handled sent;
  private String unassignedTitle;
  private String toAssignTitle;
  private String swjTitle;
  private String otherTitle;

  @BeforeAll
  void people() {
    MatrixFixtures.ensureProposer(userManagement, users, Who.OTHER_PROPOSER.username);
    for (Who w : Who.values()) {
      visitors.put(
          w, w == Who.ANONYMOUS ? Visitor.anonymous(port) : Visitor.signIn(port, w.username));
    }
    Visitor registrar = visitors.get(Who.REGISTRAR);
    MatrixFixtures f = new MatrixFixtures(registrar);
    String nonce = Long.toString(System.nanoTime() % 1_000_000L, 36);
    unassignedTitle = "矩阵未受理建议" + nonce;
    toAssignTitle = "矩阵待交办建议" + nonce;
    swjTitle = "矩阵商务局建议" + nonce;
    otherTitle = "矩阵另一代表建议" + nonce;
    long unassigned = f.register(unassignedTitle, Who.PROPOSER.username);
    f.accepted(toAssignTitle);
    f.assigned(swjTitle, "SWJ", List.of());
    long assigned = f.assigned("矩阵市场监管建议" + nonce, "SCJG", List.of());
    Visitor handler = visitors.get(Who.HANDLER);
    MatrixFixtures.complete(handler, assigned, "signFor", Map.of("decision", "ACCEPT"));
    MatrixFixtures.complete(handler, assigned, "draftReply", MatrixFixtures.draft("答复初稿"));
    long other = f.register(otherTitle, Who.OTHER_PROPOSER.username);
    ids.put("unassigned", String.valueOf(unassigned));
    ids.put("assigned", String.valueOf(assigned));
    ids.put("other", String.valueOf(other));
    ids.put("acceptTask", MatrixFixtures.task(registrar, unassigned, "reviewAcceptance"));
    ids.put("reviewTask", MatrixFixtures.task(visitors.get(Who.REVIEWER), assigned, "reviewDraft"));
    long published =
        jdbc.queryForObject("SELECT id FROM cf_proposal WHERE number = '911100'", Long.class);
    ids.put("published", String.valueOf(published));
    ids.put(
        "publication",
        String.valueOf(
            jdbc.queryForObject(
                "SELECT MIN(id) FROM cf_publication WHERE proposal_id = ?",
                Long.class,
                published)));
    ids.put(
        "notice",
        String.valueOf(
            jdbc.queryForObject(
                "SELECT MIN(id) FROM cf_notification WHERE recipient = 'deputy.jinmiao'",
                Long.class)));
    Visitor.Answer staged =
        registrar.postMultipart(
            "/portal/imports",
            "matrix.csv",
            "text/csv",
            ("session,number,type,title,content,proposer,submittedAt\n"
                    + MatrixFixtures.SESSION
                    + ",X"
                    + nonce
                    + ",SUGGESTION,导入测试,内容,金淼,2021-12-29\n")
                .getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(staged.status()).as("staged import: %s", staged).isEqualTo(200);
    ids.put(
        "importJob",
        String.valueOf(jdbc.queryForObject("SELECT MAX(id) FROM cf_import_job", Long.class)));
    ids.put(
        "processDefinition",
        jdbc.queryForObject(
            "SELECT MAX(ID_) FROM ACT_RE_PROCDEF WHERE KEY_ = 'departmentHandling'", String.class));
    ids.put(
        "decisionDefinition",
        jdbc.queryForObject("SELECT MIN(ID_) FROM ACT_RE_DECISION_DEF", String.class));
    ids.put(
        "session",
        String.valueOf(
            jdbc.queryForObject(
                "SELECT id FROM cf_session WHERE name = ?", Long.class, MatrixFixtures.SESSION)));
    ids.put(
        "summary",
        String.valueOf(
            jdbc.queryForObject(
                "SELECT MIN(id) FROM cf_handling_summary WHERE state = 'PUBLISHED'", Long.class)));
    ids.put(
        "letterArchive",
        String.valueOf(
            letterArchives
                .start(Long.parseLong(ids.get("session")), "WXB", "registrar", Duration.ofHours(1))
                .id()));
    needToKnow(f, nonce);
  }

  /** The proposals of the need-to-know table: in review, signed, sent. */
  private void needToKnow(MatrixFixtures f, String nonce) {
    MatrixFixtures.ensureProposer(userManagement, users, NeedToKnowFixtures.PROPOSER);
    Map<String, Visitor> people = new LinkedHashMap<>();
    people.put("registrar", visitors.get(Who.REGISTRAR));
    people.put("scjg.handler", visitors.get(Who.HANDLER));
    people.put("scjg.reviewer", visitors.get(Who.REVIEWER));
    people.put("scjg.leader", visitors.get(Who.LEADER));
    for (Party party : Party.values()) {
      Visitor v =
          visitors.values().stream()
              .filter(x -> x.name.equals(party.username))
              .findFirst()
              .orElseGet(() -> Visitor.signIn(port, party.username));
      parties.put(party, v);
      people.putIfAbsent(party.username, v);
    }
    n = new NeedToKnowFixtures(f, people, management, runtime);
    handled = n.inReview("矩阵主办协办建议" + nonce, nonce + "h");
    signed = n.signed("矩阵已签发建议" + nonce, nonce + "s");
    sent = n.sent("矩阵已答复建议" + nonce, nonce + "r");
    ids.put("handled", String.valueOf(handled.id()));
    ids.put("signed", String.valueOf(signed.id()));
    ids.put("sent", String.valueOf(sent.id()));
    ids.put(
        "handledReview", MatrixFixtures.task(parties.get(Party.LEAD), handled.id(), "reviewDraft"));
    ids.put("signedPublication", publicationOf(signed.id()));
    ids.put("sentPublication", publicationOf(sent.id()));
    markers.put(
        "handled", List.of(handled.firstDraft(), handled.returnComment(), handled.secondDraft()));
    markers.put(
        "signed", List.of(signed.firstDraft(), signed.returnComment(), signed.secondDraft()));
    markers.put("sent", sent.internals());
    markers.put("diagram", List.of("\"department\":\"SCJG\""));
    markers.put("signedReply", List.of("\"publicationId\":" + ids.get("signedPublication") + ","));
    markers.put("assignedProposal", List.of("\"id\":" + ids.get("assigned") + ","));
    markers.put("none", List.of());
  }

  private String publicationOf(long proposalId) {
    return String.valueOf(
        jdbc.queryForObject(
            "SELECT MAX(id) FROM cf_publication WHERE proposal_id = ?", Long.class, proposalId));
  }

  private String resolve(String path) {
    String p = path;
    for (var e : ids.entrySet()) {
      p = p.replace("{" + e.getKey() + "}", e.getValue());
    }
    return p;
  }

  @TestFactory
  Stream<DynamicNode> matrix() {
    return ROWS.stream()
        .map(
            row ->
                DynamicContainer.dynamicContainer(
                    row.method() + " " + row.path(),
                    Stream.of(Who.values())
                        .map(
                            who ->
                                DynamicTest.dynamicTest(
                                    row.method()
                                        + " "
                                        + row.path()
                                        + " as "
                                        + who.label
                                        + " → "
                                        + row.cells()[who.ordinal()],
                                    () -> cell(row, who)))));
  }

  private void cell(Row row, Who who) {
    Visitor v = visitors.get(who);
    String path = resolve(row.path());
    String expected = resolve(row.cells()[who.ordinal()]);
    Visitor.Answer a = send(v, row, path);
    String seen = describe(a, v);
    actual.put(row.method() + " " + row.path() + "|" + who, seen);
    cleanUp(row, who, a);
    assertThat(seen).as("%s %s as %s: %s", row.method(), path, who.username, a).isEqualTo(expected);
    if (a.status() >= 400 && path.startsWith("/api/")) {
      // the contract's error body, never a stack trace
      assertThat(a.isJson()).as("JSON error: %s", a).isTrue();
      assertThat(a.json()).containsKeys("status", "error", "message");
      assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  private static Visitor.Answer send(Visitor v, Row row, String path) {
    return switch (row.kind()) {
      case GET -> v.get(path);
      case DELETE -> v.delete(path);
      case POST_JSON -> v.postJson(path, row.body());
      case PUT_JSON -> v.putJson(path, row.body());
      case POST_FORM -> {
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) row.body();
        yield v.postForm(path, form);
      }
      case POST_FILE ->
          v.postMultipart(
              path,
              "empty.csv",
              "text/csv",
              ((String) row.body()).getBytes(StandardCharsets.UTF_8),
              Map.of());
      case POST_NO_FILE -> v.postMultipart(path, null, null, null, Map.of("comment", "x"));
    };
  }

  /** The answer in the notation of the expectations. */
  private static String describe(Visitor.Answer a, Visitor v) {
    if (a.status() != 302) {
      return String.valueOf(a.status());
    }
    String to = a.location().replaceFirst("^https?://[^/]+", "");
    if (to.startsWith("/login")) {
      return "L";
    }
    if (!v.isAnonymous()) {
      Visitor.Answer next = v.get(to.replaceFirst(";jsessionid=[^?]*", ""));
      if (next.status() != 200 || next.body().contains("class=\"alert error\"")) {
        return "E";
      }
    }
    return ">" + to;
  }

  /** A successful claim in a cell is given back, so that the next cell finds the task free. */
  private void cleanUp(Row row, Who who, Visitor.Answer a) {
    boolean claimed =
        row.path().endsWith("{reviewTask}/claim")
            && (a.status() == 204 || (a.status() == 302 && who == Who.REVIEWER));
    if (claimed) {
      Visitor.Answer back =
          visitors.get(who).postJson(resolve("/api/v1/tasks/{reviewTask}/unclaim"), Map.of());
      assertThat(back.status()).as("unclaim after the cell").isEqualTo(204);
    }
  }

  // --- need to know

  @TestFactory
  Stream<DynamicNode> needToKnowMatrix() {
    return SIGHTS.stream()
        .map(
            sight ->
                DynamicContainer.dynamicContainer(
                    "GET " + sight.path(),
                    Stream.of(Party.values())
                        .map(
                            party ->
                                DynamicTest.dynamicTest(
                                    "GET "
                                        + sight.path()
                                        + " as "
                                        + party.label
                                        + " → "
                                        + sight.cells()[party.ordinal()],
                                    () -> sightCell(sight, party)))));
  }

  private void sightCell(Sight sight, Party party) {
    String path = resolve(sight.path());
    String expected = sight.cells()[party.ordinal()];
    Visitor.Answer a = parties.get(party).get(path);
    String body = a.body();
    String got = String.valueOf(a.status());
    if (a.status() == 200 && (expected.endsWith("+") || expected.endsWith("-"))) {
      boolean shows = markers.get(sight.markers()).stream().anyMatch(body::contains);
      got += shows ? "+" : "-";
    }
    seen.put(sight.path() + "|" + party, got);
    assertThat(got).as("GET %s as %s: %s", path, party.username, a).isEqualTo(expected);
    if (a.status() >= 400 && path.startsWith("/api/")) {
      assertThat(a.isJson()).as("JSON error: %s", a).isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> detail(Party party, long id) {
    Visitor.Answer a = parties.get(party).get("/api/v1/proposals/" + id);
    assertThat(a.status()).as("%s: %s", party, a).isEqualTo(200);
    return a.json();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> detail, String field) {
    return (List<Map<String, Object>>) detail.get(field);
  }

  @Test
  void aCoHandlingDepartmentSeesTheProposalItsOpinionAndTheSentReplyOnly() {
    Map<String, Object> co = detail(Party.CO, sent.id());
    assertThat(list(co, "drafts")).isEmpty();
    assertThat(list(co, "coOpinions"))
        .singleElement()
        .satisfies(o -> assertThat(o).containsEntry("department", "WXB"));
    assertThat(list(co, "publications"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("replyText", sent.secondDraft())
                    .containsEntry("signedBy", null));
    assertThat(list(co, "timeline"))
        .extracting(e -> e.get("code"))
        .doesNotContain("draft.submit", "draft.review", "reply.sign", "process.opened");
    assertThat(list(co, "assignments"))
        .filteredOn(a -> !"WXB".equals(a.get("department")))
        .allSatisfy(a -> assertThat(a.get("reassignmentReason")).isNull());
    assertThat(list(detail(Party.CO, signed.id()), "publications")).as("not sent yet").isEmpty();
    // the lead has the opinion it was sent; the proposer neither opinion nor drafts
    assertThat(list(detail(Party.LEAD, sent.id()), "coOpinions")).hasSize(1);
    Map<String, Object> proposer = detail(Party.PROPOSER, sent.id());
    assertThat(list(proposer, "coOpinions")).isEmpty();
    assertThat(list(proposer, "publications"))
        .singleElement()
        .satisfies(p -> assertThat(p).containsEntry("replyText", sent.secondDraft()));
  }

  @Test
  void aReleasedDepartmentKeepsWhatItWroteSeesNothingNewAndLosesItsTasks() {
    for (NeedToKnowFixtures.Handled h : List.of(handled, signed, sent)) {
      Map<String, Object> gaj = detail(Party.RELEASED, h.id());
      assertThat(list(gaj, "assignments"))
          .as("what it had: its own request and the first assignment")
          .anySatisfy(
              a ->
                  assertThat(a)
                      .containsEntry("department", "GAJ")
                      .containsEntry("state", "RELEASED")
                      .extractingByKey("reassignmentReason")
                      .asString()
                      .startsWith("矩阵调整理由"))
          .noneSatisfy(
              a ->
                  assertThat(a)
                      .containsEntry("department", "SCJG")
                      .containsEntry("state", "SIGNED_FOR"));
      assertThat(list(gaj, "drafts")).isEmpty();
      assertThat(list(gaj, "coOpinions")).isEmpty();
      assertThat(list(gaj, "publications")).isEmpty();
      assertThat(list(gaj, "activeTasks")).isEmpty();
      assertThat(list(gaj, "timeline"))
          .extracting(e -> e.get("code"))
          .doesNotContain("coOpinion.submit", "draft.submit", "reply.send");
      assertThat(
              (List<?>)
                  parties
                      .get(Party.RELEASED)
                      .get("/api/v1/tasks?proposal=" + h.id())
                      .json()
                      .get("items"))
          .as("no tasks left")
          .isEmpty();
      assertThat(parties.get(Party.RELEASED).get("/api/v1/proposals/" + h.id() + "/diagram").body())
          .isEqualTo("[]");
    }
    // the other departments do not read the released department's reason
    assertThat(list(detail(Party.LEAD, sent.id()), "assignments"))
        .filteredOn(a -> "GAJ".equals(a.get("department")))
        .allSatisfy(a -> assertThat(a.get("reassignmentReason")).isNull());
  }

  @Test
  void departmentsHandlingSeparatelySeeOnlyTheirOwnReply() {
    Visitor registrar = visitors.get(Who.REGISTRAR);
    Visitor scjg = visitors.get(Who.HANDLER);
    Visitor swj = visitors.get(Who.OTHER_HANDLER);
    long id =
        new MatrixFixtures(registrar)
            .accepted("矩阵分办建议" + System.nanoTime() % 100_000, NeedToKnowFixtures.PROPOSER);
    MatrixFixtures.complete(
        registrar,
        id,
        "assignDepartments",
        Map.of("mode", "SEPARATE", "departments", List.of("SCJG", "SWJ")));
    MatrixFixtures.complete(scjg, id, "signFor", Map.of("decision", "ACCEPT"));
    MatrixFixtures.complete(swj, id, "signFor", Map.of("decision", "ACCEPT"));
    String scjgText = "矩阵分办市场监管局稿" + id;
    String swjText = "矩阵分办商务局稿" + id;
    MatrixFixtures.complete(scjg, id, "draftReply", MatrixFixtures.draft(scjgText));
    MatrixFixtures.complete(swj, id, "draftReply", MatrixFixtures.draft(swjText));

    seesOnlyItsOwnReply(scjg, id, scjgText, swjText, "SWJ");
    seesOnlyItsOwnReply(swj, id, swjText, scjgText, "SCJG");
    assertThat(registrar.get("/api/v1/proposals/" + id).body()).contains(scjgText, swjText);
  }

  private static void seesOnlyItsOwnReply(
      Visitor v, long id, String own, String others, String otherDepartment) {
    assertThat(v.get("/api/v1/proposals/" + id).body()).contains(own).doesNotContain(others);
    assertThat(v.get("/portal/proposals/" + id).body()).contains(own).doesNotContain(others);
    assertThat(v.get("/api/v1/proposals/" + id + "/drafts/1/diff").body())
        .as("without a department: the caller's own version")
        .contains(own)
        .doesNotContain(others);
    assertThat(
            v.get("/api/v1/proposals/" + id + "/drafts/1/diff?department=" + otherDepartment)
                .status())
        .isEqualTo(404);
  }

  // --- what lists show

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> all(Visitor v, String path) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int page = 0; page < 50; page++) {
      Visitor.Answer a = v.get(path + (path.contains("?") ? "&" : "?") + "size=200&page=" + page);
      assertThat(a.status()).as("%s: %s", path, a).isEqualTo(200);
      List<Map<String, Object>> batch = (List<Map<String, Object>>) a.json().get("items");
      items.addAll(batch);
      if (batch.size() < 200) {
        return items;
      }
    }
    throw new IllegalStateException("too many pages");
  }

  private Set<Long> assignedTo(String department) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT DISTINCT proposal_id FROM cf_assignment WHERE department_code = ?",
            Long.class,
            department));
  }

  @Test
  void departmentStaffSeeOnlyProposalsAssignedToTheirDepartment() {
    for (Who w : List.of(Who.HANDLER, Who.OTHER_HANDLER, Who.REVIEWER, Who.LEADER)) {
      Visitor v = visitors.get(w);
      String department = w == Who.OTHER_HANDLER ? "SWJ" : "SCJG";
      Set<Long> theirs = assignedTo(department);
      Function<Map<String, Object>, Long> id = m -> ((Number) m.get("id")).longValue();
      List<Long> listed = all(v, "/api/v1/proposals").stream().map(id).toList();
      assertThat(listed).as("%s lists", w).isNotEmpty().allMatch(theirs::contains);
      assertThat(listed)
          .doesNotContain(Long.valueOf(ids.get("unassigned")), Long.valueOf(ids.get("other")));
      // asking for another department's list changes nothing
      assertThat(
              all(v, "/api/v1/proposals?department=" + (department.equals("SWJ") ? "SCJG" : "SWJ")))
          .map(id)
          .allMatch(theirs::contains);
      List<Long> tasks =
          all(v, "/api/v1/tasks").stream()
              .map(t -> ((Number) t.get("proposalId")).longValue())
              .toList();
      assertThat(tasks).as("%s inbox", w).allMatch(theirs::contains);
      for (String page : List.of("/portal/proposals", "/portal/inbox", "/portal/mine")) {
        String body = v.get(page).body();
        assertThat(body)
            .as("%s %s", w, page)
            .doesNotContain(unassignedTitle)
            .doesNotContain(toAssignTitle)
            .doesNotContain(otherTitle);
        if (department.equals("SCJG")) {
          assertThat(body).as("%s %s", w, page).doesNotContain(swjTitle);
        }
      }
    }
    // the other department sees its own assignment, before and after signing for it
    assertThat(visitors.get(Who.OTHER_HANDLER).get("/portal/inbox").body()).contains(swjTitle);
  }

  @Test
  void proposersSeeOnlyTheirOwnProposals() {
    Function<Map<String, Object>, Long> id = m -> ((Number) m.get("id")).longValue();
    Set<Long> jinmiaos =
        new HashSet<>(
            jdbc.queryForList(
                "SELECT id FROM cf_proposal WHERE proposer_username = 'deputy.jinmiao'",
                Long.class));
    List<Long> listed =
        all(visitors.get(Who.PROPOSER), "/api/v1/proposals").stream().map(id).toList();
    assertThat(listed)
        .contains(Long.valueOf(ids.get("unassigned")), Long.valueOf(ids.get("assigned")))
        .allMatch(jinmiaos::contains);
    Visitor other = visitors.get(Who.OTHER_PROPOSER);
    assertThat(all(other, "/api/v1/proposals").stream().map(id).toList())
        .containsExactly(Long.valueOf(ids.get("other")));
    assertThat(all(other, "/api/v1/proposals?department=SCJG").stream().map(id).toList())
        .isSubsetOf(Long.valueOf(ids.get("other")));
    assertThat(all(other, "/api/v1/tasks")).isEmpty();
    // the list asked for this run's word, which both proposers' titles hold: 20 to a page, and
    // the shared database holds many of deputy.jinmiao's proposals from other suites
    String nonce = unassignedTitle.substring("矩阵未受理建议".length());
    for (String page : List.of("/portal/mine", "/portal/proposals?q=" + nonce)) {
      assertThat(other.get(page).body())
          .as(page)
          .contains(otherTitle)
          .doesNotContain(unassignedTitle)
          .doesNotContain("直播带货");
      assertThat(visitors.get(Who.PROPOSER).get(page).body())
          .as(page)
          .contains(unassignedTitle)
          .doesNotContain(otherTitle);
    }
  }

  /** The reply held unsent for the table is sent before the next suite runs. */
  @AfterAll
  void sendTheSignedReply() {
    if (n != null && signed != null) {
      n.finishHeld(signed.id());
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM cf_publication WHERE proposal_id = ? AND replied_at IS NOT NULL",
                  Integer.class,
                  signed.id()))
          .as("the held reply was sent here, not by some executor later")
          .isOne();
    }
  }

  // --- the tables

  /** The need-to-know table; returns the number of cells that failed. */
  private int needToKnowTable(StringBuilder md) {
    md.append("\n## Need to know: drafts, comments, diffs, letters and similar items\n\n")
        .append("Proposals that SCJG leads, WXB co-handles (its opinion sent) and GAJ was released")
        .append(" from by a re-assignment (it asked, the registrar agreed); SCJG's first draft was")
        .append(" returned with a comment. `{handled}`: the second draft is in review;")
        .append(" `{signed}`: signed by SCJG's leader, not yet sent; `{sent}`: sent to the")
        .append(" proposer. JYJ was never assigned them. Notation: a status code; `200+` the body")
        .append(" shows SCJG's internals (its drafts and the reviewer's comment; for `{signed}`")
        .append(" also the signed text; for the diagram SCJG's handling instance); `200-` it shows")
        .append(" none of them. A co-handling department sees the proposal, its own opinion and")
        .append(" the reply once sent; a released department what it had written, nothing new,")
        .append(" and no tasks; the proposer what was sent. Similar replies: the public ones of")
        .append(" every department and the caller's own department's others (`+`: SCJG's signed,")
        .append(" not yet public reply of `{signed}` is listed); similar proposals: those the")
        .append(
            " caller may see (`+`: `{assigned}`, assigned to SCJG only, is listed).\n\n| request | ");
    for (Party p : Party.values()) {
      md.append(p.label).append(" | ");
    }
    md.append("note |\n|---|").append("---|".repeat(Party.values().length)).append("---|\n");
    int failures = 0;
    for (Sight sight : SIGHTS) {
      md.append("| `GET ").append(sight.path()).append("` | ");
      String[] cells = sight.cells();
      for (Party p : Party.values()) {
        String got = seen.get(sight.path() + "|" + p);
        boolean ok = got == null || got.equals(cells[p.ordinal()]);
        failures += ok ? 0 : 1;
        md.append(cells[p.ordinal()]).append(ok ? "" : " (got " + got + ")").append(" | ");
      }
      md.append(sight.note()).append(" |\n");
    }
    return failures;
  }

  @AfterAll
  void writeTable() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Access matrix\n\n")
        .append("Generated by `AccessMatrixIT` (web-portal): every endpoint of the API and every")
        .append(" portal page, tried as each kind of person. Each cell is a test.\n\n")
        .append("Notation: a status code; `L` redirect to the login page; `>/path` redirect there;")
        .append(" `E` redirect to a page showing an error message (a refused form action).")
        .append(" State-changing requests carry harmless or invalid bodies: 400 (or 404/409 of")
        .append(" a missing target) shows the caller got past authorization, 403 that it did not.")
        .append(" `{assigned}` is a proposal assigned to SCJG (handler, reviewer and leader are")
        .append(" SCJG's, the other handler SWJ's); `{unassigned}` is registered but not assigned;")
        .append(" `{other}` belongs to the other proposer; `{published}` is 911100.\n\n")
        .append("| request | ");
    for (Who w : Who.values()) {
      md.append(w.label).append(" | ");
    }
    md.append("note |\n|---|");
    md.append("---|".repeat(Who.values().length)).append("---|\n");
    int failures = 0;
    for (Row row : ROWS) {
      md.append("| `").append(row.method()).append(' ').append(row.path()).append("` | ");
      String[] cells = row.cells();
      for (Who w : Who.values()) {
        String seen = actual.get(row.method() + " " + row.path() + "|" + w);
        String want = resolve(cells[w.ordinal()]);
        boolean ok = seen == null || seen.equals(want);
        failures += ok ? 0 : 1;
        md.append(cells[w.ordinal()].replace("|", "\\|"))
            .append(ok ? "" : " (got " + seen + ")")
            .append(" | ");
      }
      md.append(row.note()).append(" |\n");
    }
    failures += needToKnowTable(md);
    System.out.println(md);
    if (failures == 0
        && actual.size() == ROWS.size() * Who.values().length
        && seen.size() == SIGHTS.size() * Party.values().length) {
      Path doc = Path.of("..", "docs", "access-matrix.md");
      if (Files.isDirectory(doc.getParent())) {
        Files.writeString(doc, md.toString(), StandardCharsets.UTF_8);
      }
    }
  }
}
