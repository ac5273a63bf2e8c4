package org.civicflow.portal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.civicflow.portal.bench.BlockingApi;
import org.junit.jupiter.api.BeforeEach;
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
  static final List<String> DEPARTMENTS = List.of("SCJG", "SWJ", "WXB", "GAJ", "JYJ");

  @LocalServerPort int port;
  BlockingApi api;
  final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

  @BeforeEach
  void connect() {
    api = new BlockingApi(port);
  }

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
    String archives = "/api/v1/sessions/" + session + "/letters/archive";
    long start = System.nanoTime();
    JsonNode job = api.send("registrar", "POST", archives, null, 202);
    assertThat(job.get("total").asInt()).isEqualTo(letters);
    String path = archives + "/" + job.get("id").asText();
    while (!"DONE".equals(job.get("status").asText())) {
      assertThat(job.get("status").asText()).isNotEqualTo("FAILED");
      Thread.sleep(250);
      job = api.send("registrar", "GET", path, null, 200);
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
    return api.send("admin", "POST", "/api/v1/admin/sessions", body, 201).get("id").asLong();
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
    long id = api.register(sessionName, "Z" + run + "-" + n);
    api.toSignedReply(
        id,
        department,
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
  }

  private final Map<Long, String> sessionNames = new java.util.concurrent.ConcurrentHashMap<>();

  private String sessionName(long session) {
    return sessionNames.computeIfAbsent(
        session,
        s -> {
          try {
            for (JsonNode item :
                api.send("admin", "GET", "/api/v1/admin/sessions", null, 200).get("items")) {
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

  private byte[] download(String path) throws Exception {
    HttpURLConnection c = api.open("registrar", "GET", path);
    assertThat(c.getResponseCode()).isEqualTo(200);
    try (InputStream in = c.getInputStream()) {
      return in.readAllBytes();
    }
  }
}
