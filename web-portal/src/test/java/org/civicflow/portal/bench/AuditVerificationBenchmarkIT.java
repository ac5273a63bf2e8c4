package org.civicflow.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.civicflow.domain.audit.AuditChainVerifier;
import org.civicflow.domain.audit.AuditChainer;
import org.civicflow.domain.audit.AuditEntry;
import org.civicflow.domain.audit.AuditEntrySeal;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.ChainVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verification of the audit chain at scale: adds audit records until the database holds {@code
 * civicflow.bench.audit.rows} (1,000,000) — written as the application writes them (entry seals),
 * inserted in bulk, then chained by the real chainer (timed) — and times the verification of the
 * whole chain, twice in the JVM and once over HTTP ({@code GET /api/v1/admin/audit/verification}).
 * Writes target/bench/audit-verification.md and a summary row. Run by {@code mvn verify -Pbench}
 * (see docs/performance.md); not a timed test: it asserts only that the chain verifies and holds
 * every record.
 */
@EnabledIfSystemProperty(named = "civicflow.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "civicflow.demo=true"})
class AuditVerificationBenchmarkIT {

  static final int TARGET = Integer.getInteger("civicflow.bench.audit.rows", 1_000_000);
  static final int ROWS_PER_INSERT = 1000;
  static final String[] ACTIONS = {
    "task.complete", "task.claim", "proposal.register", "publication.state", "http.GET", "login"
  };
  static final String[] ACTORS = {
    "scjg.handler", "scjg.reviewer", "scjg.leader", "registrar", "swj.handler", "deputy.jinmiao"
  };

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditEntrySeal entries;
  @Autowired AuditChainer chainer;
  @Autowired AuditChainVerifier verifier;

  @Test
  void verifiesAMillionRecords() throws Exception {
    long start = System.nanoTime();
    int generated = generate();
    double generateSeconds = seconds(start);
    start = System.nanoTime();
    int chained = chainer.chainAll();
    double chainSeconds = seconds(start);
    long total = jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit_event", Long.class);

    start = System.nanoTime();
    ChainVerdict first = verifier.verify();
    double firstSeconds = seconds(start);
    start = System.nanoTime();
    ChainVerdict second = verifier.verify();
    double secondSeconds = seconds(start);
    start = System.nanoTime();
    String overHttp = get("/api/v1/admin/audit/verification");
    double httpSeconds = seconds(start);

    String profile = System.getProperty("spring.profiles.active", "h2");
    String report =
        String.format(
            """
        ## Audit chain verification — %,d records (%s)

        | step | records | seconds | records/s |
        |---|---|---|---|
        | verification, first in this JVM | %,d | %.1f | %,.0f |
        | verification, again | %,d | %.1f | %,.0f |
        | verification over HTTP (chains first) | %s | %.1f | |
        | chaining the records added by this run (real chainer) | %,d | %.1f | %,.0f |
        | adding them (entry seals, multi-row inserts of %d) | %,d | %.1f | %,.0f |

        Result: ok=%s, firstBroken=%s. Over HTTP: `%s`.
        """,
            total,
            profile,
            first.checked(),
            firstSeconds,
            first.checked() / firstSeconds,
            second.checked(),
            secondSeconds,
            second.checked() / secondSeconds,
            "all",
            httpSeconds,
            chained,
            chainSeconds,
            chained / Math.max(chainSeconds, 0.001),
            ROWS_PER_INSERT,
            generated,
            generateSeconds,
            generated / Math.max(generateSeconds, 0.001),
            second.ok(),
            second.firstBroken(),
            overHttp);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/audit-verification.md"), report);
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    double worst = Math.max(firstSeconds, secondSeconds);
    Files.writeString(
        Path.of("target/bench/audit-verification.row"),
        String.format(
            "| Audit chain verification (%,d records) | < 30 s | **%.1f s** (again %.1f s) | %s | %s"
                + " |%n",
            total,
            firstSeconds,
            secondSeconds,
            worst < 30 ? "yes" : "no",
            load.substring(0, load.lastIndexOf(' ', load.lastIndexOf(' ') - 1))));
    System.out.println(report);
    assertThat(first.ok()).as("%s", first).isTrue();
    assertThat(second.ok()).isTrue();
    assertThat(first.checked()).isGreaterThanOrEqualTo(TARGET);
    assertThat(overHttp).startsWith("{\"ok\":true");
  }

  /** Adds sealed records up to the target; returns how many were added. */
  private int generate() {
    long have = jdbc.queryForObject("SELECT COUNT(*) FROM cf_audit_event", Long.class);
    int missing = (int) Math.max(0, TARGET - have);
    Random r = new Random(have);
    Instant at =
        Instant.now()
            .minus(Duration.ofDays(300))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    for (int done = 0; done < missing; done += ROWS_PER_INSERT) {
      int n = Math.min(ROWS_PER_INSERT, missing - done);
      List<Object> values = new ArrayList<>(n * 11);
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO cf_audit_event (occurred_at, actor, action, object_type, object_id,"
                  + " result, detail, remote_address, entry_nonce, entry_seal, entry_key_id)"
                  + " VALUES ");
      for (int i = 0; i < n; i++) {
        at = at.plusSeconds(r.nextInt(3));
        AuditEntry e = entries.seal(event(r, at));
        sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?)");
        AuditEvent v = e.event();
        values.add(Timestamp.from(v.occurredAt()));
        values.add(v.actor());
        values.add(v.action());
        values.add(v.objectType());
        values.add(v.objectId());
        values.add(v.result());
        values.add(v.detail());
        values.add(v.remoteAddress());
        values.add(e.nonce());
        values.add(e.seal());
        values.add(e.sealKeyId());
      }
      jdbc.update(sql.toString(), values.toArray());
    }
    return missing;
  }

  private static AuditEvent event(Random r, Instant at) {
    String action = BenchData.pick(r, ACTIONS);
    return new AuditEvent(
        null,
        at,
        BenchData.pick(r, ACTORS),
        action,
        "proposal",
        String.valueOf(100_000 + r.nextInt(100_000)),
        r.nextInt(20) == 0 ? "DENIED" : "OK",
        action + " " + BenchData.title(r) + " " + BenchData.sentence(r),
        "10.0." + r.nextInt(256) + "." + r.nextInt(256));
  }

  private String get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("admin:Demo@12345".getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofMinutes(10))
            .GET()
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
