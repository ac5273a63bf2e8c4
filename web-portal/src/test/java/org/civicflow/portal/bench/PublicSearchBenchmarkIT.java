package org.civicflow.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.civicflow.domain.publication.PublicSnapshot;
import org.civicflow.domain.publication.Seal;
import org.civicflow.domain.publication.SealKey;
import org.civicflow.domain.publication.SearchTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public list and search at scale: generates published replies (sealed, with their proposals
 * and drafts) up to {@code civicflow.bench.replies}, then times the list page, filtered pages and
 * Chinese searches over HTTP after a warm-up, and writes p50/p95/p99 to
 * target/bench/public-search.md. Run by {@code mvn verify -Pbench} (see docs/performance.md).
 */
@EnabledIfSystemProperty(named = "civicflow.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "civicflow.demo=true"})
class PublicSearchBenchmarkIT {

  static final int TARGET = Integer.getInteger("civicflow.bench.replies", 2_000);
  static final int ROUNDS = Integer.getInteger("civicflow.bench.rounds", 200);
  static final String BENCH_SESSION = "基准测试会议";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SealKey key;
  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void listAndSearchAtScale() throws Exception {
    long start = System.nanoTime();
    int generated = generate();
    double generateSeconds = (System.nanoTime() - start) / 1e9;
    long total =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cf_publication WHERE state = 'PUBLISHED'", Long.class);

    Random r = new Random(42);
    List<String> lists = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lists.add("/?page=" + r.nextInt(50));
      lists.add("/?year=" + (2022 + r.nextInt(4)) + "&category=" + "ABC".charAt(r.nextInt(3)));
      searches.add("/?q=" + enc(BenchData.pick(r, BenchData.NOUNS)));
      searches.add("/?q=" + enc(BenchData.pick(r, BenchData.TOPICS)));
      searches.add(
          "/?q=" + enc(BenchData.pick(r, BenchData.TOPICS) + BenchData.pick(r, BenchData.NOUNS)));
    }
    for (int i = 0; i < 3; i++) { // warm-up
      for (String p : lists) {
        get(p);
      }
      for (String p : searches) {
        get(p);
      }
    }
    double[] list = measure(lists, r);
    double[] search = measure(searches, r);
    String report =
        String.format(
            """
        ## Public list and search — %d published replies (%s)

        | query | requests | p50 ms | p95 ms | p99 ms |
        |---|---|---|---|---|
        | list, paged and filtered | %d | %.1f | %.1f | %.1f |
        | full-text search (words and phrases) | %d | %.1f | %.1f | %.1f |

        Generated %d replies in %.0f s. Sequential HTTP requests from one client after warm-up.
        """,
            total,
            System.getProperty("spring.profiles.active", "h2"),
            ROUNDS,
            list[0],
            list[1],
            list[2],
            ROUNDS,
            search[0],
            search[1],
            search[2],
            generated,
            generateSeconds);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/public-search.md"), report);
    System.out.println(report);
    assertThat(total).isGreaterThanOrEqualTo(TARGET);
  }

  private double[] measure(List<String> pages, Random r) throws Exception {
    double[] ms = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      String p = pages.get(r.nextInt(pages.size()));
      long t = System.nanoTime();
      get(p);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[ROUNDS / 2], ms[(int) (ROUNDS * 0.95)], ms[(int) (ROUNDS * 0.99)]};
  }

  private void get(String path) throws IOException, InterruptedException {
    HttpResponse<String> res =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + res.statusCode());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Adds sealed published replies (with their proposals and drafts) until TARGET exist. */
  private int generate() {
    long existing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cf_publication WHERE state = 'PUBLISHED'", Long.class);
    if (existing >= TARGET) {
      return 0;
    }
    jdbc.update(
        "INSERT INTO cf_session (name, kind, opens_on, active) SELECT ?, 'NPC', DATE '2022-01-06', TRUE"
            + " FROM cf_department WHERE code = 'SCJG' AND NOT EXISTS (SELECT 1 FROM cf_session WHERE name = ?)",
        BENCH_SESSION,
        BENCH_SESSION);
    long sessionId =
        jdbc.queryForObject("SELECT id FROM cf_session WHERE name = ?", Long.class, BENCH_SESSION);
    String[][] departments = {
      {"SCJG", "市场监督管理局"}, {"SWJ", "市商务局"}, {"WXB", "市委网信办"}, {"GAJ", "市公安局"}, {"JYJ", "市教育局"}
    };
    Random r = new Random(existing);
    int toMake = (int) (TARGET - existing);
    int batch = 500;
    for (int done = 0; done < toMake; done += batch) {
      int n = Math.min(batch, toMake - done);
      List<Object[]> proposals = new ArrayList<>();
      List<Object[]> drafts = new ArrayList<>();
      List<Object[]> pubs = new ArrayList<>();
      long base =
          jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cf_proposal", Long.class) + 1;
      long draftBase =
          jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cf_reply_draft", Long.class) + 1;
      for (int i = 0; i < n; i++) {
        long pid = base + i;
        String number = "B" + pid;
        String title = BenchData.title(r);
        String suggestion = BenchData.text(r, 6);
        String reply = BenchData.text(r, 16);
        String[] dept = departments[r.nextInt(departments.length)];
        String category = String.valueOf("ABC".charAt(r.nextInt(3)));
        Instant submitted =
            Instant.parse("2022-01-10T02:00:00Z").plusSeconds(r.nextInt(3 * 365) * 86_400L);
        Instant published = submitted.plusSeconds(120 * 86_400L);
        proposals.add(
            new Object[] {pid, sessionId, number, title, suggestion, Timestamp.from(submitted)});
        drafts.add(new Object[] {draftBase + i, pid, dept[0], reply, category});
        PublicSnapshot shown =
            new PublicSnapshot(
                title,
                dept[1],
                BENCH_SESSION,
                number,
                "SUGGESTION",
                "代表" + (pid % 500),
                "代表团" + (pid % 20),
                submitted,
                suggestion,
                category);
        pubs.add(
            new Object[] {
              pid,
              dept[0],
              draftBase + i,
              title,
              dept[1],
              BENCH_SESSION,
              number,
              shown.proposer(),
              shown.delegation(),
              Timestamp.from(submitted),
              suggestion,
              category,
              reply,
              reply,
              Seal.sha256(reply),
              Seal.of(key, pid, dept[0], shown, reply),
              Timestamp.from(published),
              Timestamp.from(published),
              published.atZone(ZoneOffset.UTC).getYear(),
              SearchTokens.of(title),
              SearchTokens.of(title, reply, suggestion)
            });
      }
      jdbc.batchUpdate(
          "INSERT INTO cf_proposal (id, session_id, number, type, title, content, proposer,"
              + " submitted_at, status, registered_by, registered_at, updated_at) VALUES (?, ?, ?, 'SUGGESTION', ?, ?,"
              + " '代表', ?, 'CLOSED', 'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
          proposals);
      jdbc.batchUpdate(
          "INSERT INTO cf_reply_draft (id, proposal_id, department_code, version, round, reply_text,"
              + " category, contact_method, disclosure, state, author, submitted_at) VALUES (?, ?, ?, 1, 1, ?, ?,"
              + " 'PHONE', 'PUBLIC', 'SIGNED', 'bench', CURRENT_TIMESTAMP)",
          drafts);
      jdbc.batchUpdate(
          "INSERT INTO cf_publication (proposal_id, department_code, draft_id, title, department_name,"
              + " session_name, proposal_number, proposal_type, proposer, delegation, submitted_at, suggestion_text,"
              + " category, signed_text, public_text, content_sha256, seal, signed_by, signed_at, state, replied_at,"
              + " published_at, published_year, read_count, search_title, search_body, version) VALUES (?, ?, ?, ?, ?,"
              + " ?, ?, 'SUGGESTION', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', CURRENT_TIMESTAMP, 'PUBLISHED', ?, ?, ?, 0,"
              + " ?, ?, 0)",
          pubs);
    }
    return toMake;
  }
}
