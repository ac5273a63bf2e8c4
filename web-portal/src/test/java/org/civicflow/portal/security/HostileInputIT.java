package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * Bad input across the API, generated: every field of every JSON endpoint × missing, null, wrong
 * type, a 1 MB string, an unknown choice, expression fragments, SQL, a script, a path, emoji and
 * control characters, negative and huge numbers; malformed JSON, wrong content types, 10 MB bodies,
 * bad query and path parameters, hostile file names, formulas and zip bombs in uploads. Each is a
 * named test: a 4xx (never a 5xx) with the contract's JSON error, a message, the field named where
 * there is one, no stack trace or class name — and, per group, no row added or removed in the main
 * tables (the audit log may grow: refusals are recorded).
 *
 * <p>Text such as {@code <script>} or {@code ${1+1}} is valid in a free-text field (a title may
 * quote anything). So every generated body also carries one "anchor" field that is certainly
 * invalid: the request must be refused as a whole — naming the anchor, or the field under test when
 * the value is invalid for it — and nothing is stored. What happens to such text when it IS
 * accepted is checked separately: it comes back unchanged (never evaluated) and pages escape it
 * ({@link #acceptedTextIsStoredVerbatimAndShownEscaped}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

  /** The tables whose rows must not change; Camunda's runtime and repository among them. */
  static final List<String> TABLES =
      List.of(
          "cf_proposal",
          "cf_proposal_co_signer",
          "cf_assignment",
          "cf_reply_draft",
          "cf_draft_decision",
          "cf_co_opinion",
          "cf_feedback",
          "cf_publication",
          "cf_notification",
          "cf_outbox",
          "cf_user",
          "cf_department",
          "cf_session",
          "cf_holiday",
          "cf_delegation",
          "cf_import_job",
          "cf_import_file",
          "cf_model_deployment",
          "ACT_RU_TASK",
          "ACT_RU_EXECUTION",
          "ACT_RU_VARIABLE",
          "ACT_RE_PROCDEF",
          "ACT_RE_DECISION_DEF",
          "ACT_RE_DEPLOYMENT");

  static final String HUGE = "a".repeat(1_000_000);

  /** What a field holds, which decides which values are invalid for it. */
  enum Shape {
    /** free text: any characters are valid, only length and type are checked */
    TEXT,
    /** a code or identifier with a pattern, or the name of something that must exist */
    CODE,
    CHOICE,
    DATE,
    NUMBER,
    FLAG,
    /** a list of free-text items */
    TEXT_LIST,
    /** a list of codes or choices */
    CODE_LIST
  }

  record Field(String name, Shape shape, boolean required) {}

  /** The bad values, each with its JSON form. */
  enum Bad {
    MISSING,
    NULL,
    WRONG_TYPE,
    HUGE_1MB,
    UNKNOWN_CHOICE,
    EL_DOLLAR,
    EL_HASH,
    SQL,
    SCRIPT,
    PATH,
    EMOJI_CONTROL,
    NEGATIVE,
    HUGE_NUMBER;

    Object value(Shape shape) {
      boolean list = shape == Shape.TEXT_LIST || shape == Shape.CODE_LIST;
      Object v =
          switch (this) {
            case MISSING, NULL -> null;
            case WRONG_TYPE -> list ? "not a list" : Map.of("x", List.of(1, 2));
            case HUGE_1MB -> HUGE;
            case UNKNOWN_CHOICE -> "NOT A CHOICE!";
            case EL_DOLLAR -> "${1+1}";
            case EL_HASH -> "#{1+1}";
            case SQL -> "' OR 1=1 --";
            case SCRIPT -> "<script>alert(1)</script>";
            case PATH -> "../../etc/passwd";
            case EMOJI_CONTROL -> "😀\u0000\u0007\u202e\uFEFF";
            case NEGATIVE -> -1;
            case HUGE_NUMBER -> new BigInteger("99999999999999999999999");
          };
      return list && this != WRONG_TYPE && v != null ? List.of(v) : v;
    }
  }

  /**
   * One JSON endpoint: a valid body, its fields, and an anchor (a field and a value that make the
   * request certainly invalid) with a second one for when the anchor's field is under test.
   *
   * @param bindsText true when the body is read into typed fields (Jackson turns a number into a
   *     text there); false when read as a map (a number is then no text)
   */
  record Target(
      String group,
      Supplier<Visitor> who,
      Supplier<String> path,
      Map<String, Object> valid,
      List<Field> fields,
      Map.Entry<String, Object> anchor,
      Map.Entry<String, Object> otherAnchor,
      boolean bindsText) {}

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserManagement userManagement;
  @Autowired UserDirectory users;

  Visitor registrar;
  Visitor handler;
  Visitor admin;
  long drafting;
  long registered;
  long published;
  String acceptTask;
  String assignTask;
  String draftTask;

  @BeforeAll
  void fixtures() {
    registrar = Visitor.signIn(port, "registrar");
    handler = Visitor.signIn(port, "scjg.handler");
    admin = Visitor.signIn(port, "admin");
    MatrixFixtures f = new MatrixFixtures(registrar);
    registered = f.register("恶意输入测试-待受理", "deputy.jinmiao");
    acceptTask = MatrixFixtures.task(registrar, registered, "reviewAcceptance");
    long accepted = f.accepted("恶意输入测试-待交办");
    assignTask = MatrixFixtures.task(registrar, accepted, "assignDepartments");
    drafting = f.assigned("恶意输入测试-拟稿", "SCJG", List.of());
    MatrixFixtures.complete(handler, drafting, "signFor", Map.of("decision", "ACCEPT"));
    draftTask = MatrixFixtures.task(handler, drafting, "draftReply");
    published =
        jdbc.queryForObject("SELECT id FROM cf_proposal WHERE number = '911100'", Long.class);
  }

  // --- the generated field cases

  List<Target> targets() {
    return List.of(
        new Target(
            "POST /api/v1/proposals",
            () -> registrar,
            () -> "/api/v1/proposals",
            MatrixFixtures.proposal("H1", "关于测试的建议", "deputy.jinmiao"),
            List.of(
                new Field("session", Shape.CODE, true),
                new Field("number", Shape.CODE, true),
                new Field("type", Shape.CHOICE, true),
                new Field("title", Shape.TEXT, true),
                new Field("content", Shape.TEXT, true),
                new Field("category", Shape.TEXT, false),
                new Field("proposer", Shape.TEXT, true),
                new Field("proposerUsername", Shape.CODE, false),
                new Field("coSigners", Shape.TEXT_LIST, false),
                new Field("delegation", Shape.TEXT, false),
                new Field("submittedAt", Shape.DATE, true)),
            Map.entry("session", "没有这个届次"),
            Map.entry("number", "not a number!"),
            true),
        new Target(
            "POST /api/v1/tasks/{id}/complete reviewAcceptance",
            () -> registrar,
            () -> "/api/v1/tasks/" + acceptTask + "/complete",
            Map.of("decision", "MERGE", "reason", "理由"),
            List.of(
                new Field("decision", Shape.CHOICE, true),
                new Field("reason", Shape.TEXT, false),
                new Field("mergeIntoId", Shape.NUMBER, false)),
            Map.entry("mergeIntoId", "abc"),
            Map.entry("reason", "理".repeat(1001)),
            false),
        new Target(
            "POST /api/v1/tasks/{id}/complete assignDepartments",
            () -> registrar,
            () -> "/api/v1/tasks/" + assignTask + "/complete",
            Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of("WXB")),
            List.of(
                new Field("mode", Shape.CHOICE, true),
                new Field("lead", Shape.CODE, false),
                new Field("co", Shape.CODE_LIST, false),
                new Field("dueDate", Shape.DATE, false),
                new Field("key", Shape.FLAG, false)),
            Map.entry("dueDate", "not-a-date"),
            Map.entry("key", "yes"),
            false),
        new Target(
            "POST /api/v1/tasks/{id}/complete draftReply",
            () -> handler,
            () -> "/api/v1/tasks/" + draftTask + "/complete",
            Map.of(
                "replyText",
                "答复正文",
                "category",
                "A",
                "contactMethod",
                "PHONE",
                "contactNote",
                "电话",
                "disclosure",
                "NOT_PUBLIC",
                "nonDisclosureReason",
                "涉及个人信息"),
            List.of(
                new Field("replyText", Shape.TEXT, true),
                new Field("category", Shape.CHOICE, true),
                new Field("contactMethod", Shape.CHOICE, true),
                new Field("contactNote", Shape.TEXT, false),
                new Field("disclosure", Shape.CHOICE, true),
                new Field("nonDisclosureReason", Shape.TEXT, true)),
            Map.entry("contactNote", List.of("not", "text")),
            Map.entry("category", "Z"),
            false),
        new Target(
            "POST /api/v1/admin/departments",
            () -> admin,
            () -> "/api/v1/admin/departments",
            Map.of("code", "HOSTILE", "name", "测试局", "sortOrder", 9, "enabled", true),
            List.of(
                new Field("code", Shape.CODE, true),
                new Field("name", Shape.TEXT, true),
                new Field("sortOrder", Shape.NUMBER, false),
                new Field("enabled", Shape.FLAG, false)),
            Map.entry("code", "bad code!"),
            Map.entry("name", ""),
            true),
        new Target(
            "POST /api/v1/admin/holidays",
            () -> admin,
            () -> "/api/v1/admin/holidays",
            Map.of("date", "2031-10-01", "to", "2031-10-03", "kind", "HOLIDAY", "name", "国庆节"),
            List.of(
                new Field("date", Shape.DATE, true),
                new Field("to", Shape.DATE, false),
                new Field("kind", Shape.CHOICE, true),
                new Field("name", Shape.TEXT, false)),
            Map.entry("kind", "NOT_A_KIND"),
            Map.entry("date", "not-a-date"),
            true),
        new Target(
            "POST /api/v1/admin/users",
            () -> admin,
            () -> "/api/v1/admin/users",
            Map.of(
                "username",
                "hostile.user",
                "displayName",
                "测试用户",
                "password",
                "Hostile@12345x",
                "departmentCode",
                "SCJG",
                "roles",
                List.of("HANDLER"),
                "email",
                "hostile@civicflow.example.org",
                "phone",
                "13800000000"),
            List.of(
                new Field("username", Shape.CODE, true),
                new Field("displayName", Shape.TEXT, true),
                new Field("password", Shape.TEXT, true),
                new Field("departmentCode", Shape.CODE, false),
                new Field("roles", Shape.CODE_LIST, true),
                new Field("delegation", Shape.TEXT, false),
                new Field("email", Shape.CODE, false),
                new Field("phone", Shape.CODE, false)),
            Map.entry("roles", List.of("NOT_A_ROLE")),
            Map.entry("username", "bad user name!"),
            true));
  }

  /** Whether the value is invalid for the field itself (so the answer must name the field). */
  static boolean invalidFor(Bad bad, Field field, boolean bindsText) {
    return switch (bad) {
      case MISSING, NULL -> field.required();
      case WRONG_TYPE, HUGE_1MB -> true;
      case UNKNOWN_CHOICE, EL_DOLLAR, EL_HASH, SQL, SCRIPT, PATH, EMOJI_CONTROL ->
          field.shape() != Shape.TEXT && field.shape() != Shape.TEXT_LIST;
      // a typed reader turns a number into text or a flag: a code such as "-1" may then be valid
      case NEGATIVE, HUGE_NUMBER ->
          switch (field.shape()) {
            case TEXT, TEXT_LIST -> !bindsText;
            case NUMBER -> true;
            // … and a date: Jackson reads a number as a day count
            case CODE, FLAG, DATE -> !bindsText;
            default -> true;
          };
    };
  }

  @TestFactory
  Stream<DynamicNode> everyFieldOfEveryJsonEndpoint() {
    return targets().stream()
        .map(
            t -> {
              List<Case> cases = new ArrayList<>();
              for (Field field : t.fields()) {
                for (Bad bad : Bad.values()) {
                  boolean invalid = invalidFor(bad, field, t.bindsText());
                  Map.Entry<String, Object> anchor =
                      field.name().equals(t.anchor().getKey()) ? t.otherAnchor() : t.anchor();
                  cases.add(
                      new Case(
                          field.name() + " = " + bad,
                          () -> {
                            Map<String, Object> body = new LinkedHashMap<>(t.valid());
                            body.remove(field.name());
                            if (bad != Bad.MISSING) {
                              // first in the body: a typed reader stops at the first bad field
                              LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
                              ordered.put(field.name(), bad.value(field.shape()));
                              ordered.putAll(body);
                              body = ordered;
                            }
                            if (!invalid) {
                              // a value valid for the field: the anchor refuses the request
                              body.put(anchor.getKey(), anchor.getValue());
                            }
                            return t.who().get().postJson(t.path().get(), body);
                          },
                          invalid ? field.name() : null,
                          invalid ? null : anchor.getKey()));
                }
              }
              return group(t.group(), cases);
            });
  }

  // --- malformed bodies, content types, sizes

  @TestFactory
  Stream<DynamicNode> malformedBodiesContentTypesAndSizes() {
    List<Case> cases = new ArrayList<>();
    Map<String, byte[]> malformed = new LinkedHashMap<>();
    malformed.put("empty body", new byte[0]);
    malformed.put("unclosed object", "{".getBytes(StandardCharsets.UTF_8));
    malformed.put("missing value", "{\"title\":}".getBytes(StandardCharsets.UTF_8));
    malformed.put("trailing comma", "{\"title\":\"x\",}".getBytes(StandardCharsets.UTF_8));
    malformed.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
    malformed.put("a string", "\"text\"".getBytes(StandardCharsets.UTF_8));
    malformed.put("null", "null".getBytes(StandardCharsets.UTF_8));
    malformed.put("single quotes", "{'title':'x'}".getBytes(StandardCharsets.UTF_8));
    malformed.put("NaN", "{\"title\":NaN}".getBytes(StandardCharsets.UTF_8));
    malformed.put("huge exponent", "{\"title\":1e999999999}".getBytes(StandardCharsets.UTF_8));
    malformed.put(
        "invalid UTF-8", new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
    malformed.put("nested 100000 deep", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
    malformed.put("comment", "/* x */ {\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    malformed.put("binary", new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE});
    for (var m : malformed.entrySet()) {
      cases.add(
          new Case(
              "POST /api/v1/proposals: " + m.getKey(),
              () ->
                  registrar.sendRaw("POST", "/api/v1/proposals", "application/json", m.getValue()),
              null,
              null));
      cases.add(
          new Case(
              "POST /api/v1/tasks/{id}/complete: " + m.getKey(),
              () ->
                  registrar.sendRaw(
                      "POST",
                      "/api/v1/tasks/" + acceptTask + "/complete",
                      "application/json",
                      m.getValue()),
              null,
              null));
    }
    byte[] valid = Visitor.json(MatrixFixtures.proposal("H2", "关于测试的建议", "deputy.jinmiao"));
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/javascript")) {
      cases.add(
          new Case(
              "POST /api/v1/proposals as " + type,
              () -> registrar.sendRaw("POST", "/api/v1/proposals", type, valid),
              null,
              null));
    }
    cases.add(
        new Case(
            "POST /api/v1/proposals without a content type",
            () -> registrar.sendRaw("POST", "/api/v1/proposals", null, valid),
            null,
            null));
    byte[] tenMb = tenMegabytesOfJson();
    cases.add(
        new Case(
            "POST /api/v1/proposals 10 MB",
            () -> registrar.sendRaw("POST", "/api/v1/proposals", "application/json", tenMb),
            null,
            null));
    cases.add(
        new Case(
            "POST /api/v1/tasks/{id}/complete 10 MB",
            () ->
                registrar.sendRaw(
                    "POST", "/api/v1/tasks/" + acceptTask + "/complete", "application/json", tenMb),
            null,
            null));
    cases.add(
        new Case(
            "PUT /api/v1/admin/departments/SCJG 10 MB",
            () -> admin.sendRaw("PUT", "/api/v1/admin/departments/SCJG", "application/json", tenMb),
            null,
            null));
    cases.add(
        new Case(
            "POST /api/v1/proposals 10 MB without a length (chunked)",
            () -> registrar.sendChunked("/api/v1/proposals", "application/json", tenMb),
            null,
            null));
    cases.add(
        new Case(
            "POST /api/v1/proposals/imports 11 MB file",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "big.csv",
                    "text/csv",
                    new byte[11 * 1024 * 1024],
                    Map.of()),
            null,
            null));
    cases.add(
        new Case(
            "POST /api/v1/admin/deployments 11 MB file",
            () ->
                admin.postMultipart(
                    "/api/v1/admin/deployments",
                    "big.bpmn",
                    "application/xml",
                    new byte[11 * 1024 * 1024],
                    Map.of()),
            null,
            null));
    cases.add(
        new Case(
            "PUT /api/v1/proposals (no such method)",
            () -> registrar.putJson("/api/v1/proposals", Map.of()),
            null,
            null));
    return Stream.of(group("malformed bodies, content types and sizes", cases));
  }

  private static byte[] tenMegabytesOfJson() {
    String filler = "x".repeat(10 * 1024 * 1024);
    return ("{\"session\":\"市九届人大一次会议\",\"title\":\"" + filler + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  // --- query and path parameters

  @TestFactory
  Stream<DynamicNode> queryAndPathParameters() {
    List<Case> cases = new ArrayList<>();
    String longText = "关".repeat(500);
    Map<String, String> named = new LinkedHashMap<>();
    named.put("/api/v1/proposals?size=-1", "size");
    named.put("/api/v1/proposals?size=100000", "size");
    named.put("/api/v1/proposals?size=abc", "size");
    named.put("/api/v1/proposals?page=-5", "page");
    named.put("/api/v1/proposals?page=99999999999999999999", "page");
    named.put("/api/v1/proposals?status=NOT_A_STATUS", "status");
    named.put("/api/v1/proposals?status=%24%7B1%2B1%7D", "status");
    named.put("/api/v1/proposals?session=%27%20OR%201%3D1%20--", "session");
    named.put("/api/v1/proposals?session=..%2F..%2Fetc%2Fpasswd", "session");
    named.put("/api/v1/proposals?q=" + enc(longText), "q");
    named.put("/api/v1/proposals?keyOnly=maybe", "keyOnly");
    named.put("/api/v1/tasks?key=%24%7B1%2B1%7D", "key");
    named.put("/api/v1/tasks?key=%23%7B1%2B1%7D", "key");
    named.put("/api/v1/tasks?size=0", "size");
    named.put("/api/v1/tasks?proposal=abc", "proposal");
    named.put("/api/v1/tasks?session=%27%20OR%201%3D1", "session");
    named.put("/api/v1/notifications?size=abc", "size");
    named.put("/api/v1/notifications?unread=perhaps", "unread");
    named.put("/api/v1/public/replies?year=abc", "year");
    named.put("/api/v1/public/replies?size=-1", "size");
    named.put("/api/v1/public/replies?q=" + enc(longText), "q");
    named.put("/api/v1/stats?session=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "session");
    named.put("/api/v1/admin/holidays?year=99999", "year");
    named.put("/api/v1/admin/holidays?year=abc", "year");
    named.put("/api/v1/admin/users?role=ROOT", "role");
    named.put("/api/v1/admin/users?enabled=maybe", "enabled");
    named.put("/api/v1/proposals/imports/1?errors=perhaps", "errors");
    for (var e : named.entrySet()) {
      boolean adminPath = e.getKey().startsWith("/api/v1/admin");
      cases.add(
          new Case(
              "GET " + e.getKey(),
              () -> (adminPath ? admin : registrar).get(e.getKey()),
              e.getValue(),
              null));
    }
    List<String> paths =
        List.of(
            "/api/v1/proposals/abc",
            "/api/v1/proposals/-1",
            "/api/v1/proposals/99999999999999999999",
            "/api/v1/proposals/1%27%20OR%201%3D1",
            "/api/v1/proposals/%24%7B1%2B1%7D",
            "/api/v1/proposals/1/drafts/abc/diff",
            "/api/v1/tasks/%24%7B1%2B1%7D",
            "/api/v1/tasks/%27%20OR%201%3D1%20--",
            "/api/v1/public/replies/abc",
            "/api/v1/public/replies/-1",
            "/api/v1/proposals/imports/abc",
            "/api/v1/admin/users/%3Cscript%3E",
            "/api/v1/admin/departments/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/admin/models/..%2F..%2Fetc%2Fpasswd/xml",
            "/api/v1/proposals/1/replies/abc/letter",
            "/api/v1/proposals/%2e%2e/%2e%2e/etc/passwd");
    for (String p : paths) {
      cases.add(
          new Case(
              (p.contains("%2F") ? CONTAINER : "") + "GET " + p,
              () -> (p.startsWith("/api/v1/admin") ? admin : registrar).get(p),
              null,
              null));
    }
    cases.add(
        new Case(
            "DELETE /api/v1/admin/holidays/not-a-date",
            () -> admin.delete("/api/v1/admin/holidays/not-a-date"),
            "date",
            null));
    cases.add(
        new Case(
            "POST /api/v1/notifications/abc/read",
            () -> registrar.postJson("/api/v1/notifications/abc/read", Map.of()),
            "id",
            null));
    cases.add(
        new Case(
            "POST /api/v1/proposals/{id}/extension-requests newDueDate=${1+1}",
            () ->
                handler.postJson(
                    "/api/v1/proposals/" + drafting + "/extension-requests",
                    Map.of("newDueDate", "${1+1}", "reason", "理由")),
            "newDueDate",
            null));
    cases.add(
        new Case(
            "POST /api/v1/proposals/{id}/key key=#{1+1}",
            () ->
                registrar.postJson(
                    "/api/v1/proposals/" + drafting + "/key", Map.of("key", "#{1+1}")),
            "key",
            null));
    cases.add(
        new Case(
            "POST /api/v1/proposals/{id}/key with an array body",
            () ->
                registrar.sendRaw(
                    "POST",
                    "/api/v1/proposals/" + drafting + "/key",
                    "application/json",
                    "[true]".getBytes(StandardCharsets.UTF_8)),
            null,
            null));
    cases.add(
        new Case(
            "POST /api/v1/admin/migrations with bad types",
            () ->
                admin.postJson(
                    "/api/v1/admin/migrations",
                    Map.of("sourceDefinitionId", List.of(1), "instanceIds", "x")),
            null,
            null));
    cases.add(
        new Case(
            "PUT /api/v1/admin/departments/SCJG sortOrder=${1+1}",
            () -> admin.putJson("/api/v1/admin/departments/SCJG", Map.of("sortOrder", "${1+1}")),
            "sortOrder",
            null));
    cases.add(
        new Case(
            "PUT /api/v1/admin/sessions/{id} kind=<script>",
            () ->
                admin.putJson(
                    "/api/v1/admin/sessions/1",
                    Map.of("name", "x", "kind", "<script>alert(1)</script>")),
            "kind",
            null));
    cases.add(
        new Case(
            "POST /api/v1/admin/sessions opensOn=' OR 1=1 --",
            () ->
                admin.postJson(
                    "/api/v1/admin/sessions",
                    Map.of("name", "x", "kind", "NPC", "opensOn", "' OR 1=1 --")),
            "opensOn",
            null));
    cases.add(
        new Case(
            "POST /api/v1/admin/users/{u}/password null",
            () ->
                admin.sendRaw(
                    "POST",
                    "/api/v1/admin/users/scjg.handler/password",
                    "application/json",
                    "{\"password\":null}".getBytes(StandardCharsets.UTF_8)),
            "password",
            null));
    return Stream.of(group("query and path parameters", cases));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // --- uploads

  @TestFactory
  Stream<DynamicNode> hostileUploads() throws IOException {
    List<Case> cases = new ArrayList<>();
    byte[] noColumns = "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8);
    for (String name :
        List.of(
            "../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "/etc/passwd.csv",
            "%2e%2e%2fpasswd.csv",
            "a\u0000.csv",
            "<script>alert(1)</script>.csv",
            "${1+1}.csv")) {
      // names are made harmless (ProposalImport.fileName): the unreadable content refuses these
      cases.add(
          new Case(
              "import named " + printable(name),
              () ->
                  registrar.postMultipart(
                      "/api/v1/proposals/imports", name, "text/csv", noColumns, Map.of()),
              // a NUL in the part's header makes the whole upload unreadable: no field to name
              name.indexOf('\u0000') >= 0 ? null : "file",
              null));
    }
    cases.add(
        new Case(
            "import: csv whose header cells are formulas",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "formulas.csv",
                    "text/csv",
                    "=HYPERLINK(\"http://x\"),=1+1,@SUM(A1),+cmd|' /C calc'!A0\n1,2,3,4\n"
                        .getBytes(StandardCharsets.UTF_8),
                    Map.of()),
            "file",
            null));
    cases.add(
        new Case(
            "import: xlsx whose header cells are formulas",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "formulas.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    formulaHeaderXlsx(),
                    Map.of()),
            "file",
            null));
    byte[] bomb = zipBombXlsx();
    cases.add(
        new Case(
            "import: zip bomb xlsx (" + bomb.length / 1024 + " KB)",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "bomb.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    bomb,
                    Map.of()),
            "file",
            null));
    cases.add(
        new Case(
            "import: random bytes named .xlsx",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "random.xlsx",
                    "application/octet-stream",
                    new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9, 9, 9},
                    Map.of()),
            "file",
            null));
    cases.add(
        new Case(
            "import: html named .csv",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "page.csv",
                    "text/csv",
                    "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                    Map.of()),
            "file",
            null));
    cases.add(
        new Case(
            "import: csv in GBK",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "gbk.csv",
                    "text/csv",
                    "会议届次,编号,类型,案由,内容,领衔人,提出时间\n市九届人大一次会议,G1,建议,标题,内容,金淼,2021-12-29\n"
                        .getBytes(java.nio.charset.Charset.forName("GBK")),
                    Map.of()),
            "file",
            null));
    cases.add(
        new Case(
            "import: 10,001 rows",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "many.csv",
                    "text/csv",
                    manyRows(10_001),
                    Map.of()),
            "file",
            null));
    cases.add(
        new Case(
            "import: session=${1+1}",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports",
                    "ok.csv",
                    "text/csv",
                    manyRows(1),
                    Map.of("session", "${1+1}")),
            "session",
            null));
    cases.add(
        new Case(
            "import: no file part",
            () ->
                registrar.postMultipart(
                    "/api/v1/proposals/imports", null, null, null, Map.of("x", "y")),
            null,
            null));
    byte[] script =
        bpmn(
            "<bpmn:scriptTask id=\"s\" scriptFormat=\"javascript\"><bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask>");
    for (String name :
        List.of(
            "../../etc/passwd.bpmn",
            "..\\..\\evil.bpmn",
            "evil.bpmn\u0000.txt",
            "<img src=x onerror=alert(1)>.bpmn")) {
      cases.add(
          new Case(
              "deploy a script task named " + printable(name),
              () ->
                  admin.postMultipart(
                      "/api/v1/admin/deployments", name, "application/xml", script, Map.of()),
              null,
              null));
    }
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
            + "<bpmn:process id=\"p\" name=\"&x;\"/></bpmn:definitions>";
    cases.add(
        new Case(
            "deploy an external entity (XXE)",
            () ->
                admin.postMultipart(
                    "/api/v1/admin/deployments",
                    "xxe.bpmn",
                    "application/xml",
                    xxe.getBytes(StandardCharsets.UTF_8),
                    Map.of()),
            null,
            null));
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY e \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
            + "<bpmn:process id=\"p\" name=\"&e;\"/></bpmn:definitions>";
    cases.add(
        new Case(
            "deploy billion laughs",
            () ->
                admin.postMultipart(
                    "/api/v1/admin/deployments",
                    "laughs.bpmn",
                    "application/xml",
                    laughs.getBytes(StandardCharsets.UTF_8),
                    Map.of()),
            null,
            null));
    cases.add(
        new Case(
            "deploy a zip named .bpmn",
            () ->
                admin.postMultipart(
                    "/api/v1/admin/deployments", "bomb.bpmn", "application/zip", bomb, Map.of()),
            null,
            null));
    cases.add(
        new Case(
            "deploy without a file name",
            () ->
                admin.postMultipart(
                    "/api/v1/admin/deployments", "", "application/xml", script, Map.of()),
            null,
            null));
    return Stream.of(group("hostile uploads", cases));
  }

  private static String printable(String s) {
    return s.replace("\u0000", "\\0");
  }

  private static byte[] bpmn(String element) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"t\">"
            + "<bpmn:process id=\"hostileProcess\" isExecutable=\"true\" camunda:historyTimeToLive=\"180\">"
            + "<bpmn:startEvent id=\"start\"/>"
            + element
            + "</bpmn:process></bpmn:definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] manyRows(int count) {
    StringBuilder csv =
        new StringBuilder("session,number,type,title,content,proposer,submittedAt\n");
    for (int i = 0; i < count; i++) {
      csv.append("市九届人大一次会议,HR").append(i).append(",SUGGESTION,标题,内容,金淼,2021-12-29\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] formulaHeaderXlsx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "CivicFlow", "1.0");
      Worksheet ws = wb.newWorksheet("Sheet1");
      ws.formula(0, 0, "HYPERLINK(\"http://x\",\"click\")");
      ws.formula(0, 1, "1+1");
      ws.value(1, 0, "x");
      ws.formula(1, 1, "CONCATENATE(\"=\",\"cmd\")");
      wb.finish();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An xlsx whose sheet inflates to 40 MB of nothing from a few dozen KB. */
  static byte[] zipBombXlsx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      zip.write("<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 40; i++) {
        zip.write(spaces);
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  // --- running a group

  /**
   * One bad request: how to send it; the field the error must name (null: none in particular); or
   * the anchor that the error must name unless it names the field under test instead.
   */
  record Case(String name, Supplier<Visitor.Answer> send, String field, String anchor) {}

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : TABLES) {
      counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
    }
    return counts;
  }

  private DynamicContainer group(String name, List<Case> cases) {
    Map<String, Long> before = new LinkedHashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(name + ": counting rows before", () -> before.putAll(counts())));
    for (Case c : cases) {
      tests.add(DynamicTest.dynamicTest(name + ": " + c.name(), () -> check(c)));
    }
    tests.add(
        DynamicTest.dynamicTest(
            name + ": nothing changed in the database",
            () -> assertThat(counts()).as(name).isEqualTo(before)));
    return DynamicContainer.dynamicContainer(name, tests);
  }

  /**
   * Marks a request that the servlet container itself refuses before any application code runs (an
   * encoded slash in a path): 400 with the container's short page, which names no internals.
   */
  static final String CONTAINER = "(container) ";

  private static void check(Case c) {
    Visitor.Answer a = c.send().get();
    assertThat(a.status()).as("%s → %s", c.name(), a).isBetween(400, 499);
    if (c.name().startsWith(CONTAINER)) {
      assertThat(a.body()).doesNotContain("Exception").doesNotContain("Tomcat/");
      return;
    }
    assertThat(a.isJson()).as("JSON: %s", a).isTrue();
    Map<String, Object> body = a.json();
    assertThat(body.get("status")).as("%s", a).isEqualTo(a.status());
    assertThat((String) body.get("error")).as("%s", a).isNotBlank();
    assertThat((String) body.get("message")).as("%s", a).isNotBlank();
    String text = a.body();
    for (String leak :
        List.of(
            "Exception",
            "\tat ",
            "java.",
            "org.springframework",
            "org.h2",
            "org.apache",
            "com.fasterxml",
            "SQL")) {
      assertThat(text).as("no %s in %s", leak, a).doesNotContain(leak);
    }
    assertThat(text).as("never evaluated: %s", a).doesNotContain("\"2\"");
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) body.getOrDefault("fields", Map.of());
    if (c.field() != null) {
      assertThat(names(fields, c.field())).as("names %s: %s", c.field(), a).isTrue();
    }
    if (c.anchor() != null) {
      assertThat(!fields.isEmpty()).as("names a field: %s", a).isTrue();
    }
  }

  private static boolean names(Map<String, Object> fields, String field) {
    return fields.keySet().stream()
        .anyMatch(k -> k.equals(field) || k.startsWith(field + ".") || k.startsWith(field + "["));
  }

  @Test
  void atLeastTwoHundredBadInputs() {
    int generated =
        (int) (targets().stream().mapToLong(t -> t.fields().size()).sum() * Bad.values().length);
    assertThat(generated).isGreaterThanOrEqualTo(200);
  }

  /**
   * Text that is legitimately valid is stored as sent and never evaluated; pages escape it. This
   * registers one proposal on purpose.
   */
  @Test
  @SuppressWarnings("unchecked")
  void acceptedTextIsStoredVerbatimAndShownEscaped() {
    String title = "<script>alert(1)</script> ${1+1} #{1+1} ' OR 1=1 --";
    Map<String, Object> body =
        MatrixFixtures.proposal("HX" + System.nanoTime() % 1_000_000, title, "deputy.jinmiao");
    body.put("content", "<img src=x onerror=alert(1)> ../../etc/passwd 😀");
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM cf_proposal", Long.class);
    Visitor.Answer created = registrar.postJson("/api/v1/proposals", body);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_proposal", Long.class))
        .isEqualTo(before + 1);
    long id = ((Number) created.json().get("id")).longValue();
    Map<String, Object> detail = registrar.get("/api/v1/proposals/" + id).json();
    assertThat(detail.get("title")).isEqualTo(title);
    assertThat(detail.get("content")).isEqualTo(body.get("content"));
    String page = registrar.get("/portal/proposals/" + id).body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; ${1+1} #{1+1}")
        .doesNotContain("<script>alert(1)")
        .doesNotContain("<img src=x");
    String list = registrar.get("/portal/proposals?q=" + enc("OR 1=1")).body();
    assertThat(list).contains("&lt;script&gt;").doesNotContain("<script>alert(1)");
    // the inbox of the next step shows the title escaped too
    assertThat(registrar.get("/portal/inbox").body()).doesNotContain("<script>alert(1)");
  }

  /** A formula in an import is kept as its text in the preview, never computed. */
  @Test
  void formulasInAnImportAreTextNeverComputed() {
    String csv =
        "session,number,type,title,content,proposer,submittedAt\n"
            + "市九届人大一次会议,HF1,SUGGESTION,=1+1,=HYPERLINK(\"http://x\"),金淼,2021-12-29\n";
    Visitor.Answer preview =
        registrar.postMultipart(
            "/portal/imports",
            "formula.csv",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of());
    assertThat(preview.status()).as("%s", preview).isEqualTo(200);
    assertThat(preview.body()).contains("=1+1").contains("=HYPERLINK(&quot;http://x&quot;)");
  }
}
