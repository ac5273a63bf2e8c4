package org.civicflow.portal.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session's letters as one ZIP: a new session of {@code civicflow.bench.archive.letters}
 * proposals (1,000; the smoke run 20), each registered, accepted, assigned to one of the five demo
 * departments in turn, signed for, drafted, reviewed and signed off over the HTTP API as the people
 * would; none of their letters made yet (the reply-sent mail, which would make them, does not run:
 * the engine's jobs are off). Then, timed: the registrar starts the download, polls its progress
 * until done, and downloads the ZIP — every letter made, signed and stored on the way. A warm-up
 * session of a twentieth as many goes first (not timed). Writes target/bench/letter-archive.md and
 * a summary row; target under 2 minutes. Asserts only that the ZIP holds every letter. Run by
 * {@code mvn verify -Pbench} (bench/run-all.sh).
 */
@EnabledIfSystemProperty(named = "civicflow.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "civicflow.demo=true"})
class LetterArchiveBenchmarkIT {

  static final int LETTERS = Integer.getInteger("civicflow.bench.archive.letters", 1000);
  static final int WARM_UP = Math.max(5, LETTERS / 20);
  static final int THREADS = 4;
  static final String PASSWORD = "Demo@12345";
  static final List<String> DEPARTMENTS = List.of("SCJG", "SWJ", "WXB", "GAJ", "JYJ");

  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

  record Timing(double makeSeconds, double downloadSeconds, long zipBytes, int pdfs) {
    double total() {
      return makeSeconds + downloadSeconds;
    }
  }

  @Test
  void aThousandLettersAsOneZip() throws Exception {
    long warm = session("预热" + run);
    prepare(warm, WARM_UP, "W");
    archive(warm, WARM_UP);
    long session = session("归档基准" + run);
    long prepStart = System.nanoTime();
    prepare(session, LETTERS, "A");
    double prepSeconds = (System.nanoTime() - prepStart) / 1e9;
    Timing t = archive(session, LETTERS);
    report(t, prepSeconds);
    assertThat(t.pdfs()).isEqualTo(LETTERS);
  }

  private Timing archive(long session, int letters) throws Exception {
    String api = "/api/v1/sessions/" + session + "/letters/archive";
    long start = System.nanoTime();
    JsonNode job = send("registrar", "POST", api, null, 202);
    assertThat(job.get("total").asInt()).isEqualTo(letters);
    String path = api + "/" + job.get("id").asText();
    while (!"DONE".equals(job.get("status").asText())) {
      assertThat(job.get("status").asText()).isNotEqualTo("FAILED");
      Thread.sleep(250);
      job = send("registrar", "GET", path, null, 200);
    }
    assertThat(job.get("failed").asInt()).isZero();
    long made = System.nanoTime();
    byte[] zip = download(path + "/file");
    long downloaded = System.nanoTime();
    int pdfs = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().endsWith(".pdf")) {
          pdfs++;
        }
      }
    }
    return new Timing((made - start) / 1e9, (downloaded - made) / 1e9, zip.length, pdfs);
  }

  private void report(Timing t, double prepSeconds) throws Exception {
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    load = load.substring(0, load.lastIndexOf(' ', load.lastIndexOf(' ') - 1));
    String report =
        String.format(
            """
        ## A session's letters as one ZIP — %d letters

        | letters made and signed (start → done) | ZIP download | total | letters per second | ZIP size |
        |---|---|---|---|---|
        | %.1f s | %.1f s | **%.1f s** | %.1f | %,d bytes |

        A new session of %d signed replies (five departments in turn), none of whose letters was
        made before; the registrar starts the download, polls its progress every 250 ms until it
        is done, then downloads the ZIP (each letter issued, signed and stored on the way; %d
        letter threads). Preparing the session over the API took %.0f s (not timed). A warm-up
        session of %d letters went first. Load average (1/5/15 min) at the end: %s.
        """,
            LETTERS,
            t.makeSeconds(),
            t.downloadSeconds(),
            t.total(),
            LETTERS / t.makeSeconds(),
            t.zipBytes(),
            LETTERS,
            Integer.getInteger("civicflow.letters.archive.threads", 2),
            prepSeconds,
            WARM_UP,
            load);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/letter-archive.md"), report);
    Files.writeString(
        Path.of("target/bench/letter-archive.row"),
        String.format(
            "| A session's letters as one ZIP (%d letters, none made before) | < 2 min | **%.0f s**"
                + " (made %.0f s, download %.1f s) | %s | %s |%n",
            LETTERS,
            t.total(),
            t.makeSeconds(),
            t.downloadSeconds(),
            t.total() < 120 ? "yes" : "no",
            load));
    System.out.println(report);
  }

  // --- the session, through the API ----------------------------------------------------------

  private long session(String name) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("kind", "NPC");
    return send("admin", "POST", "/api/v1/admin/sessions", body, 201).get("id").asLong();
  }

  private void prepare(long session, int n, String tag) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < n; i += THREADS) {
                    signedReply(session, tag + i, DEPARTMENTS.get(i % DEPARTMENTS.size()));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void signedReply(long session, String n, String department) throws Exception {
    String sessionName = sessionName(session);
    Map<String, Object> body = new HashMap<>();
    body.put("session", sessionName);
    body.put("number", "Z" + run + "-" + n);
    body.put("type", "SUGGESTION");
    body.put("title", "关于加强直播带货市场监督管理的建议");
    body.put("content", "建议提高准入门槛,加强直播广告和售后服务监管。");
    body.put("category", "市场监管");
    body.put("proposer", "金淼");
    body.put("proposerUsername", "deputy.jinmiao");
    body.put("delegation", "昌图县");
    body.put("submittedAt", "2021-12-29");
    long id = send("registrar", "POST", "/api/v1/proposals", body, 201).get("id").asLong();
    String d = department.toLowerCase(java.util.Locale.ROOT);
    complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", department, "co", List.of()));
    complete(d + ".handler", id, "signFor", Map.of("decision", "ACCEPT"));
    complete(
        d + ".handler",
        id,
        "draftReply",
        Map.of(
            "replyText",
            "金淼代表:\n\n您提出的建议收悉。现答复如下:\n\n一、我局开展了联合监管,检查主播账号300余个,"
                + "约谈平台企业12家,查处违法案件8起。\n\n二、下一步将完善长效机制,加强部门协同。\n\n"
                + "再次感谢您对我们工作的关心和支持。",
            "category",
            "A",
            "contactMethod",
            "PHONE",
            "contactNote",
            "电话沟通",
            "disclosure",
            "PUBLIC"));
    complete(d + ".reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    complete(d + ".leader", id, "signOff", Map.of("decision", "APPROVE"));
  }

  private final Map<Long, String> sessionNames = new java.util.concurrent.ConcurrentHashMap<>();

  private String sessionName(long session) {
    return sessionNames.computeIfAbsent(
        session,
        s -> {
          try {
            for (JsonNode item :
                send("admin", "GET", "/api/v1/admin/sessions", null, 200).get("items")) {
              if (item.get("id").asLong() == s) {
                return item.get("name").asText();
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          throw new IllegalStateException("no session " + s);
        });
  }

  private void complete(String who, long id, String key, Map<String, Object> body)
      throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      JsonNode items =
          send(who, "GET", "/api/v1/tasks?key=" + key + "&proposal=" + id, null, 200).get("items");
      if (items.size() > 0) {
        send(
            who,
            "POST",
            "/api/v1/tasks/" + items.get(0).get("id").asText() + "/complete",
            body,
            204);
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(who + " never got " + key + " on " + id);
      }
      Thread.sleep(20);
    }
  }

  private HttpURLConnection open(String who, String method, String path) throws Exception {
    HttpURLConnection c =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    c.setRequestMethod(method);
    c.setRequestProperty(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((who + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    return c;
  }

  private byte[] download(String path) throws Exception {
    HttpURLConnection c = open("registrar", "GET", path);
    assertThat(c.getResponseCode()).isEqualTo(200);
    try (InputStream in = c.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private JsonNode send(String who, String method, String path, Object body, int expected)
      throws Exception {
    HttpURLConnection c = open(who, method, path);
    c.setRequestProperty("Accept", "application/json");
    if (body != null) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = c.getOutputStream()) {
        out.write(json.writeValueAsBytes(body));
      }
    }
    int status = c.getResponseCode();
    String text;
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (status != expected) {
      throw new IllegalStateException(method + " " + path + " → " + status + " " + text);
    }
    return text.isEmpty() ? json.nullNode() : json.readTree(text);
  }
}
