package org.civicflow.portal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicflow.portal.imports.ImportSamples.LABELS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.imports.ImportJobs;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.imports.ImportPreview;
import org.civicflow.engine.imports.ImportWorker;
import org.civicflow.engine.imports.ProposalImport;
import org.civicflow.engine.task.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Bulk import over the API of the contract: good, bad and duplicate files in xlsx and csv, the
 * preview that stores nothing, hostile files (zip bomb, formulas, not UTF-8, too many rows),
 * registrars only, the progress endpoint's shape, and a job resumed after its runner died.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ProposalImportIT {

  static final String PASSWORD = "Demo@12345";
  static final String API = "/api/v1/proposals/imports";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired Proposals proposals;
  @Autowired SessionCatalog sessions;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProposalImport imports;
  @Autowired ImportJobs jobs;
  @Autowired ImportWorker worker;
  @Autowired UserDirectory users;

  /** A number prefix no other test uses. */
  static String prefix(String letter) {
    return letter + (System.nanoTime() % 100_000_000L);
  }

  ResponseEntity<Map<String, Object>> upload(String user, String name, byte[] content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, PASSWORD)
        .exchange(API, HttpMethod.POST, new HttpEntity<>(parts, headers), MAP);
  }

  ResponseEntity<Map<String, Object>> progress(String user, Object id) {
    return http.withBasicAuth(user, PASSWORD).exchange(API + "/" + id, HttpMethod.GET, null, MAP);
  }

  /** Starts an import and waits for it to end; returns its final progress. */
  Map<String, Object> importAndWait(String name, byte[] content) throws InterruptedException {
    ResponseEntity<Map<String, Object>> started = upload("registrar", name, content);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
    Object id = started.getBody().get("id");
    assertThat(id).isNotNull();
    return waitFor(id);
  }

  Map<String, Object> waitFor(Object id) throws InterruptedException {
    long until = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < until) {
      Map<String, Object> p = progress("registrar", id).getBody();
      if ("DONE".equals(p.get("status")) || "FAILED".equals(p.get("status"))) {
        return p;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("import " + id + " did not end");
  }

  long session() {
    return sessions.findByName(ImportSamples.SESSION).orElseThrow().id();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> errors(Map<String, Object> progress) {
    return (List<Map<String, Object>>) progress.get("errors");
  }

  static String messageOfRow(Map<String, Object> progress, int row) {
    return errors(progress).stream()
        .filter(e -> ((Number) e.get("row")).intValue() == row)
        .map(e -> e.get("message").toString())
        .reduce((a, b) -> a + " | " + b)
        .orElse("(no error for row " + row + ")");
  }

  @Test
  void aGoodXlsxImportsEveryRowAndStartsItsProcess() throws Exception {
    String prefix = prefix("X");
    List<String[]> rows = ImportSamples.rows(prefix, 12, 1);
    Map<String, Object> done = importAndWait("good.xlsx", ImportSamples.xlsx(LABELS, rows));

    assertThat(done)
        .containsEntry("status", "DONE")
        .containsEntry("total", 12)
        .containsEntry("done", 12)
        .containsEntry("imported", 12)
        .containsEntry("failed", 0)
        .containsEntry("skipped", 0);
    assertThat(errors(done)).isEmpty();
    for (String[] row : rows) {
      Proposal p = proposals.findByNumber(session(), row[1]).orElseThrow();
      assertThat(p.getTitle()).isEqualTo(row[ImportSamples.TITLE]);
      assertThat(p.getDelegation()).isEqualTo(row[ImportSamples.DELEGATION]);
      assertThat(p.getStatus().name()).isEqualTo("REGISTERED");
      assertThat(p.getProcessInstanceId()).as("process started for %s", row[1]).isNotNull();
      assertThat(p.getSubmittedAt())
          .isEqualTo(
              java.time.LocalDate.parse(row[ImportSamples.SUBMITTED])
                  .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                  .toInstant());
      assertThat(String.join(";", p.getCoSigners())).isEqualTo(row[8]);
    }
    // the registrar now has an acceptance task for each, as for a hand-registered proposal
    long withTask =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN cf_proposal p"
                + " ON t.PROC_INST_ID_ = p.process_instance_id"
                + " WHERE p.number LIKE ? AND t.TASK_DEF_KEY_ = 'reviewAcceptance'",
            Long.class,
            prefix + "%");
    assertThat(withTask).isEqualTo(12);
    List<String> actions =
        audit.forObject("import", done.get("id").toString()).stream()
            .map(AuditEvent::action)
            .toList();
    assertThat(actions).contains("import.start", "import.finish");
  }

  @Test
  void aCsvWithFieldNamesAndTheSessionChosenForTheFileImportsToo() throws Exception {
    String prefix = prefix("C");
    List<String> header =
        List.of(
            "number",
            "type",
            "title",
            "content",
            "category",
            "proposer",
            "coSigners",
            "delegation",
            "submittedAt");
    List<String[]> rows = new ArrayList<>();
    for (String[] r : ImportSamples.rows(prefix, 5, 2)) {
      rows.add(
          new String[] {
            r[1], "SUGGESTION", r[3], r[4] + ",含逗号与\"引号\"", r[5], r[6], r[8], r[9], "2022/1/5 09:30"
          });
    }
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(ImportSamples.csv(header, rows)) {
          @Override
          public String getFilename() {
            return "fields.csv";
          }
        });
    parts.add("session", ImportSamples.SESSION);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map<String, Object>> started =
        http.withBasicAuth("registrar", PASSWORD)
            .exchange(API, HttpMethod.POST, new HttpEntity<>(parts, headers), MAP);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
    Map<String, Object> done = waitFor(started.getBody().get("id"));

    assertThat(done).containsEntry("status", "DONE").containsEntry("imported", 5);
    Proposal p = proposals.findByNumber(session(), rows.get(0)[0]).orElseThrow();
    assertThat(p.getContent()).endsWith(",含逗号与\"引号\"");
    assertThat(p.getSubmittedAt()).isEqualTo(Instant.parse("2022-01-05T01:30:00Z"));
  }

  @Test
  void aBadFileReportsEveryRowWithItsFieldAndSavesNothingOfThoseRows() throws Exception {
    String prefix = prefix("B");
    List<String[]> good = ImportSamples.rows(prefix, 10, 3);
    // a number registered before
    String registered = good.get(9)[1];
    importAndWait("first.csv", ImportSamples.csv(LABELS, List.<String[]>of(good.get(9))));

    List<String[]> rows = new ArrayList<>();
    rows.add(good.get(0)); // row 2: fine
    rows.add(ImportSamples.with(good.get(1), 1, "")); // row 3: missing number
    rows.add(ImportSamples.with(good.get(2), 1, good.get(0)[1])); // row 4: number of row 2 again
    rows.add(ImportSamples.with(good.get(3), 9, "火星区")); // row 5: unknown delegation
    rows.add(ImportSamples.with(good.get(4), 10, "2022-13-45")); // row 6: bad date
    rows.add(ImportSamples.with(good.get(5), 2, "议案")); // row 7: unknown type
    rows.add(ImportSamples.with(good.get(6), 3, "长".repeat(301))); // row 8: title too long
    rows.add(good.get(9)); // row 9: registered already
    rows.add(ImportSamples.with(good.get(7), 10, "2099-01-01")); // row 10: in the future
    rows.add(good.get(8)); // row 11: fine

    // the preview reports the same, and stores nothing
    long staged = imports.upload("bad.xlsx", ImportSamples.xlsx(LABELS, rows), null, registrar());
    ImportPreview preview = imports.preview(staged, registrar());
    assertThat(preview.valid()).isEqualTo(2);
    assertThat(preview.invalid()).isEqualTo(6);
    assertThat(preview.duplicates()).isEqualTo(2);
    assertThat(proposals.findByNumber(session(), good.get(0)[1])).isEmpty();

    Map<String, Object> done = importAndWait("bad.xlsx", ImportSamples.xlsx(LABELS, rows));
    assertThat(done)
        .containsEntry("status", "DONE")
        .containsEntry("total", 10)
        .containsEntry("done", 10)
        .containsEntry("imported", 2)
        .containsEntry("skipped", 2)
        .containsEntry("failed", 6);
    assertThat(messageOfRow(done, 3)).contains("编号").contains("必填");
    assertThat(messageOfRow(done, 4)).contains("与第 2 行编号重复");
    assertThat(messageOfRow(done, 5)).contains("代表团/界别").contains("火星区");
    assertThat(messageOfRow(done, 6)).contains("提出时间").contains("日期");
    assertThat(messageOfRow(done, 7)).contains("类型");
    assertThat(messageOfRow(done, 8)).contains("案由").contains("过长");
    assertThat(messageOfRow(done, 9)).contains(registered).contains("已登记");
    assertThat(messageOfRow(done, 10)).contains("提出时间").contains("不能晚于");
    assertThat(errors(done))
        .filteredOn(e -> ((Number) e.get("row")).intValue() == 3)
        .extracting(e -> e.get("field"), e -> e.get("kind"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("number", "INVALID"));

    assertThat(proposals.findByNumber(session(), good.get(0)[1])).isPresent();
    assertThat(proposals.findByNumber(session(), good.get(8)[1])).isPresent();
    for (int i : new int[] {3, 4, 5, 6, 7}) {
      assertThat(proposals.findByNumber(session(), good.get(i)[1]))
          .as("row with %s saved nothing", good.get(i)[1])
          .isEmpty();
    }
    assertThat(proposals.findByNumber(session(), good.get(7)[1])).isEmpty();
    long registeredOnce =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cf_proposal WHERE number = ?", Long.class, registered);
    assertThat(registeredOnce).isEqualTo(1);
  }

  @Test
  void importingTheSameFileTwiceCreatesNothingNew() throws Exception {
    String prefix = prefix("D");
    byte[] file = ImportSamples.xlsx(LABELS, ImportSamples.rows(prefix, 8, 4));
    Map<String, Object> first = importAndWait("twice.xlsx", file);
    assertThat(first).containsEntry("imported", 8);
    long before = countWithPrefix(prefix);

    Map<String, Object> second = importAndWait("twice.xlsx", file);
    assertThat(second.get("id")).isNotEqualTo(first.get("id"));
    assertThat(second)
        .containsEntry("status", "DONE")
        .containsEntry("imported", 0)
        .containsEntry("skipped", 8)
        .containsEntry("failed", 0);
    assertThat(errors(second)).hasSize(8).allMatch(e -> "DUPLICATE".equals(e.get("kind")));
    assertThat(countWithPrefix(prefix)).isEqualTo(before).isEqualTo(8);
  }

  long countWithPrefix(String prefix) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM cf_proposal WHERE number LIKE ?", Long.class, prefix + "%");
  }

  @Test
  void aZipBombIsRefusedBeforeParsing() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes());
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) { // 200 MB of zeros, about 200 KB compressed
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(out.size()).isLessThan(1 << 20);
    ResponseEntity<Map<String, Object>> r = upload("registrar", "bomb.xlsx", out.toByteArray());
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody()).containsEntry("error", "invalid_file");
    assertThat(r.getBody().get("message").toString()).contains("压缩");
    assertThat(((Map<?, ?>) r.getBody().get("fields")).containsKey("file")).isTrue();
  }

  @Test
  void formulasAreTextAndNeverEvaluated() throws Exception {
    String prefix = prefix("F");
    List<String[]> rows = ImportSamples.rows(prefix, 2, 5);
    rows.set(0, ImportSamples.with(rows.get(0), 3, "=HYPERLINK(\"http://evil.example\",\"点击\")"));
    rows.set(1, ImportSamples.with(rows.get(1), 1, "=1+1"));
    Map<String, Object> done = importAndWait("formulas.xlsx", ImportSamples.xlsx(LABELS, rows));
    assertThat(done).containsEntry("imported", 1).containsEntry("failed", 1);
    Proposal p = proposals.findByNumber(session(), rows.get(0)[1]).orElseThrow();
    assertThat(p.getTitle()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"点击\")");
    assertThat(messageOfRow(done, 3)).contains("编号");
    assertThat(proposals.findByNumber(session(), "2")).isEmpty();

    // in csv a leading = + - @ is plain text too
    String csvPrefix = prefix("G");
    String[] row =
        ImportSamples.with(ImportSamples.rows(csvPrefix, 1, 6).get(0), 3, "+cmd|' /C calc'!A0");
    Map<String, Object> csv =
        importAndWait("formula.csv", ImportSamples.csv(LABELS, List.<String[]>of(row)));
    assertThat(csv).containsEntry("imported", 1);
    assertThat(proposals.findByNumber(session(), row[1]).orElseThrow().getTitle())
        .isEqualTo("+cmd|' /C calc'!A0");
  }

  @Test
  void filesThatCannotBeImportedAreRefusedWithTheProblemNamed() {
    // not UTF-8
    byte[] gbk = ("编号,案由\r\n1,关于加强监管的建议\r\n").getBytes(Charset.forName("GBK"));
    assertRefused(upload("registrar", "gbk.csv", gbk), "UTF-8");
    // an unknown column
    assertRefused(
        upload("registrar", "x.csv", ImportSamples.csv(List.of("编号", "备注"), List.of())), "备注");
    // a missing required column
    assertRefused(
        upload(
            "registrar",
            "x.csv",
            ImportSamples.csv(
                List.of("会议届次", "编号", "案由", "内容", "领衔人"),
                List.<String[]>of(new String[] {"a", "b", "c", "d", "e"}))),
        "提出时间");
    // no rows
    assertRefused(upload("registrar", "x.csv", ImportSamples.csv(LABELS, List.of())), "没有");
    // too many rows
    List<String[]> many = new ArrayList<>();
    String[] one = ImportSamples.rows("M", 1, 7).get(0);
    for (int i = 0; i <= ProposalImport.MAX_ROWS; i++) {
      many.add(one);
    }
    assertRefused(upload("registrar", "many.csv", ImportSamples.csv(LABELS, many)), "10,000");
    // an old xls (OLE2) file
    assertRefused(
        upload("registrar", "old.xls", new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, 0}),
        "xls");
    // a broken zip
    assertRefused(upload("registrar", "broken.xlsx", new byte[] {0x50, 0x4b, 3, 4, 1, 2}), "xlsx");
  }

  private static void assertRefused(ResponseEntity<Map<String, Object>> r, String named) {
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(400);
    assertThat(r.getBody()).containsEntry("status", 400).containsEntry("error", "invalid_file");
    assertThat(r.getBody().get("message").toString()).contains(named);
  }

  @Test
  void onlyRegistrarsImport() {
    byte[] file = ImportSamples.csv(LABELS, ImportSamples.rows(prefix("P"), 1, 8));
    for (String user : List.of("scjg.handler", "deputy.jinmiao", "admin")) {
      assertThat(upload(user, "p.csv", file).getStatusCode().value()).as(user).isEqualTo(403);
    }
    ResponseEntity<Map<String, Object>> started = upload("registrar", "p.csv", file);
    assertThat(started.getStatusCode().value()).isEqualTo(202);
    assertThat(progress("scjg.handler", started.getBody().get("id")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(http.exchange(API + "/1", HttpMethod.GET, null, MAP).getStatusCode().value())
        .isEqualTo(401);
    assertThat(progress("registrar", 99_999_999).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theProgressEndpointAnswersAsTheContractSays() throws Exception {
    List<String[]> rows = ImportSamples.rows(prefix("S"), 3, 9);
    rows.set(1, ImportSamples.with(rows.get(1), 6, ""));
    Map<String, Object> done = importAndWait("shape.csv", ImportSamples.csv(LABELS, rows));
    assertThat(done).containsKeys("status", "total", "done", "failed", "errors");
    assertThat(done.get("status")).isEqualTo("DONE");
    assertThat(done.get("total")).isEqualTo(3);
    assertThat(done.get("done")).isEqualTo(3);
    assertThat(done.get("failed")).isEqualTo(1);
    assertThat(errors(done)).hasSize(1);
    assertThat(errors(done).get(0)).containsEntry("row", 3).containsKey("message");
    assertThat(errors(done).get(0).get("message").toString()).contains("领衔人");
    Map<String, Object> polled =
        http.withBasicAuth("registrar", PASSWORD)
            .exchange(API + "/" + done.get("id") + "?errors=false", HttpMethod.GET, null, MAP)
            .getBody();
    assertThat(polled).containsEntry("done", 3).containsEntry("errors", null);
  }

  @Test
  void aJobWhoseRunnerDiedIsResumedWhereItStopped() throws Exception {
    String prefix = prefix("R");
    List<String[]> rows = ImportSamples.rows(prefix, 6, 10);
    // the first two rows were registered by a runner that then died
    importAndWait("first-two.csv", ImportSamples.csv(LABELS, rows.subList(0, 2)));
    long id = imports.upload("resume.csv", ImportSamples.csv(LABELS, rows), null, registrar());
    jobs.queue(id, "registrar");
    jdbc.update(
        "UPDATE cf_import_job SET status = 'RUNNING', owner = 'dead-node', done = 2, imported = 2,"
            + " started_at = ?, heartbeat_at = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(600)),
        java.sql.Timestamp.from(Instant.now().minusSeconds(600)),
        id);

    worker.sweep();
    Map<String, Object> done = waitFor(id);

    assertThat(done)
        .containsEntry("status", "DONE")
        .containsEntry("done", 6)
        .containsEntry("imported", 6)
        .containsEntry("skipped", 0);
    assertThat(countWithPrefix(prefix)).isEqualTo(6);
  }

  private Caller registrar() {
    return Caller.of(users.find("registrar").orElseThrow());
  }
}
