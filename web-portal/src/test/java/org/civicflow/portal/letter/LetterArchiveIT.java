package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.civicflow.domain.letter.IssuedLetters;
import org.civicflow.domain.letter.LetterArchive;
import org.civicflow.domain.letter.LetterArchiveEntry;
import org.civicflow.domain.letter.LetterArchiveStatus;
import org.civicflow.domain.letter.LetterArchives;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.portal.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A session's signed reply letters as one ZIP over the API: started by a registrar, its progress
 * polled up to 100 %, then the ZIP: one PDF per signed reply (each the stored letter, signed and
 * valid for poppler's pdfsig, named by its document number and proposal number) and the list 清单.csv
 * whose hashes match the files. Handlers and the public are refused; an unknown session is 404; bad
 * input is 400 naming the field; the file of an unfinished job is 409.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class LetterArchiveIT {

  /**
   * The demo session's letters on a database of this suite's own: other suites tamper with signed
   * replies on purpose (their letters then fail, as they must), and would change the count here.
   */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    OwnDatabase.register(registry, "letterarchive");
  }

  static final String PASSWORD = "Demo@12345";
  static final String SESSION = "市九届人大一次会议";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired LetterArchives archives;
  @Autowired LetterArchiveWorker worker;
  @Autowired SessionCatalog sessions;

  long sessionId() {
    return jdbc.queryForObject("SELECT id FROM cf_session WHERE name = ?", Long.class, SESSION);
  }

  static String api(long session) {
    return "/api/v1/sessions/" + session + "/letters/archive";
  }

  ResponseEntity<Map<String, Object>> start(String user, long session, Object body) {
    return http.withBasicAuth(user, PASSWORD)
        .exchange(api(session), HttpMethod.POST, new HttpEntity<>(body), MAP);
  }

  ResponseEntity<Map<String, Object>> progress(String user, long session, Object job) {
    return http.withBasicAuth(user, PASSWORD)
        .exchange(api(session) + "/" + job, HttpMethod.GET, null, MAP);
  }

  /** Polls the job until it is done; returns every percent seen. */
  List<Integer> awaitDone(long session, Object job) throws InterruptedException {
    List<Integer> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      Map<String, Object> p = progress("registrar", session, job).getBody();
      seen.add((Integer) p.get("percent"));
      if ("DONE".equals(p.get("status")) || "FAILED".equals(p.get("status"))) {
        assertThat(p).containsEntry("status", "DONE");
        return seen;
      }
      assertThat(System.nanoTime()).as("the job finishes").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  int signedReplies(long session, String department) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM cf_publication p JOIN cf_proposal pr ON pr.id = p.proposal_id"
            + " WHERE pr.session_id = ? AND p.state <> 'VOIDED'"
            + (department == null ? " AND ? IS NULL" : " AND p.department_code = ?"),
        Integer.class,
        session,
        department);
  }

  @Test
  void aRegistrarDownloadsEverySignedLetterOfTheSessionAsOneZip() throws Exception {
    long session = sessionId();
    int expected = signedReplies(session, null);
    assertThat(expected).as("demo replies signed in the session").isGreaterThanOrEqualTo(2);

    ResponseEntity<Map<String, Object>> started = start("registrar", session, null);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    Object job = started.getBody().get("id");
    assertThat(started.getHeaders().getLocation().toString()).endsWith(api(session) + "/" + job);
    assertThat(started.getBody()).containsEntry("total", expected).containsEntry("file", null);

    List<Integer> percents = awaitDone(session, job);
    assertThat(percents).isSortedAccordingTo(Integer::compare).last().isEqualTo(100);
    Map<String, Object> done = progress("registrar", session, job).getBody();
    assertThat(done)
        .containsEntry("done", expected)
        .containsEntry("total", expected)
        .containsEntry("failed", 0)
        .containsEntry("percent", 100)
        .containsEntry("file", api(session) + "/" + job + "/file");

    ResponseEntity<byte[]> zip =
        http.withBasicAuth("registrar", PASSWORD)
            .getForEntity(api(session) + "/" + job + "/file", byte[].class);
    assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
    assertThat(zip.getHeaders().getContentDisposition().getFilename())
        .isEqualTo(SESSION + "_答复函.zip");

    Map<String, byte[]> files = unzip(zip.getBody());
    assertThat(files).containsKey("清单.csv");
    List<String[]> manifest = csv(files.get("清单.csv"));
    assertThat(manifest.get(0))
        .containsExactly("文件", "发文字号", "建议/提案号", "承办单位", "签发时间", "SHA-256", "说明");
    assertThat(manifest).hasSize(expected + 1);
    assertThat(files).hasSize(expected + 1);
    for (String[] row : manifest.subList(1, manifest.size())) {
      byte[] pdf = files.get(row[0]);
      assertThat(pdf).as(row[0]).isNotNull();
      assertThat(row[0]).isEqualTo(row[1] + "_" + row[2] + ".pdf");
      assertThat(IssuedLetters.sha256(pdf)).as("hash of " + row[0]).isEqualTo(row[5]);
      assertThat(
              jdbc.queryForObject(
                  "SELECT pdf_sha256 FROM cf_reply_letter WHERE document_number = ?",
                  String.class,
                  row[1]))
          .as("the stored letter")
          .isEqualTo(row[5]);
    }
    String[] letter911100 =
        manifest.stream().filter(r -> r[2].equals("911100")).findFirst().orElseThrow();
    byte[] pdf = files.get(letter911100[0]);
    assertThat(PdfTools.run("pdfsig", pdf))
        .contains("Signature is Valid")
        .contains("Total document signed");
    assertThat(
            PdfReplyLetterIT.pdf(http, "scjg.handler", PdfReplyLetterIT.ids911100(jdbc)).getBody())
        .as("the letter in the ZIP is the one letter of the reply")
        .isEqualTo(pdf);

    assertThat(
            http.withBasicAuth("registrar", PASSWORD)
                .getForEntity(api(session) + "/" + job + "/file", byte[].class)
                .getBody())
        .as("the same ZIP at every download, from any node")
        .isEqualTo(zip.getBody());
  }

  @Test
  void oneDepartmentsLetters() throws Exception {
    long session = sessionId();
    int expected = signedReplies(session, "SCJG");
    ResponseEntity<Map<String, Object>> started =
        start("registrar", session, Map.of("department", "scjg"));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(started.getBody())
        .containsEntry("department", "SCJG")
        .containsEntry("total", expected);
    Object job = started.getBody().get("id");
    awaitDone(session, job);
    ResponseEntity<byte[]> zip =
        http.withBasicAuth("registrar", PASSWORD)
            .getForEntity(api(session) + "/" + job + "/file", byte[].class);
    assertThat(zip.getHeaders().getContentDisposition().getFilename())
        .isEqualTo(SESSION + "_市场监督管理局_答复函.zip");
    assertThat(unzip(zip.getBody())).hasSize(expected + 1);
  }

  @Test
  void onlyRegistrarsAndOnlyGoodInput() {
    long session = sessionId();
    assertThat(start("scjg.handler", session, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start("admin", session, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start("deputy.jinmiao", session, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.exchange(api(session), HttpMethod.POST, new HttpEntity<>(null), MAP)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(start("registrar", 987654321L, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<Map<String, Object>> unknown =
        start("registrar", session, Map.of("department", "NOPE"));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().toString()).contains("department");
    assertThat(
            http.withBasicAuth("registrar", PASSWORD)
                .exchange(
                    "/api/v1/sessions/abc/letters/archive",
                    HttpMethod.POST,
                    new HttpEntity<>(null),
                    MAP)
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM cf_letter_archive WHERE department_code = 'NOPE'",
                Integer.class))
        .as("nothing half-saved")
        .isZero();

    // a job another runner holds: its progress is shown, its file not yet
    LetterArchive held = archives.start(session, "WXB", "registrar", Duration.ofHours(1));
    LetterArchive claimed = archives.claimNext("another-node").orElseThrow();
    assertThat(claimed.id()).isEqualTo(held.id());
    String path = api(session) + "/" + held.id();
    assertThat(progress("registrar", session, held.id()).getBody())
        .containsEntry("status", "RUNNING")
        .containsEntry("done", 0);
    assertThat(
            http.withBasicAuth("registrar", PASSWORD)
                .getForEntity(path + "/file", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(progress("scjg.handler", session, held.id()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.withBasicAuth("scjg.handler", PASSWORD)
                .getForEntity(path + "/file", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    long otherSession =
        sessions.create(Session.of("归档测试届次" + System.nanoTime(), SessionKind.CPPCC, null)).id();
    assertThat(progress("registrar", otherSession, held.id()).getStatusCode())
        .as("a job of another session")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(progress("registrar", session, 987654321L).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    archives.finish(held.id(), "another-node", LetterArchiveStatus.DONE);
  }

  @Test
  void aJobWhoseRunnerDiedIsTakenOverAndResumed() throws Exception {
    long session = sessionId();
    LetterArchive job = archives.start(session, null, "registrar", Duration.ofHours(1));
    assertThat(archives.claimNext("dead-node").orElseThrow().id()).isEqualTo(job.id());
    // the dead runner stored and counted the first letter, then stopped
    LetterArchiveEntry first = archives.pending(job.id()).get(0);
    ResponseEntity<byte[]> made =
        PdfReplyLetterIT.pdf(
            http, "registrar", new long[] {first.proposalId(), first.publicationId()});
    assertThat(made.getStatusCode()).isEqualTo(HttpStatus.OK);
    archives.letterStored(job.id(), "dead-node", first.publicationId());
    jdbc.update(
        "UPDATE cf_letter_archive SET heartbeat_at = ? WHERE id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)),
        job.id());

    worker.sweep();
    awaitDone(session, job.id());
    Map<String, Object> done = progress("registrar", session, job.id()).getBody();
    assertThat(done).containsEntry("done", job.total()).containsEntry("failed", 0);
    Map<String, byte[]> files =
        unzip(
            http.withBasicAuth("registrar", PASSWORD)
                .getForEntity(api(session) + "/" + job.id() + "/file", byte[].class)
                .getBody());
    assertThat(files).hasSize(job.total() + 1);
    assertThat(files.values()).anyMatch(f -> java.util.Arrays.equals(f, made.getBody()));
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /** The list's lines, its fields unquoted (no field of it holds a quote or a comma). */
  static List<String[]> csv(byte[] file) {
    String text = new String(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<String[]> rows = new ArrayList<>();
    for (String line : text.substring(1).split("\r\n")) {
      String[] fields = line.split(",", -1);
      for (int i = 0; i < fields.length; i++) {
        fields[i] = fields[i].substring(1, fields[i].length() - 1);
      }
      rows.add(fields);
    }
    return rows;
  }
}
