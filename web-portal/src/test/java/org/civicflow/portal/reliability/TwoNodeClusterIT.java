package org.civicflow.portal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicflow.portal.reliability.LifecycleDriver.Plan;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one database (Camunda's cluster model): two application processes on different ports
 * share one MariaDB database; lifecycles go through both nodes request by request, some completions
 * are sent to both nodes at the same moment, and reminder timers fall due during the run, picked up
 * by whichever node's job executor comes first. Afterwards every job has run once, every timer
 * fired once, every reply was published once, every notice was given once. Then node A is lost, and
 * a person who signed in on A is still signed in on B.
 */
class TwoNodeClusterIT {

  static final int LIFECYCLES = Integer.getInteger("civicflow.cluster.lifecycles", 6);
  static final int CLIENTS = Integer.getInteger("civicflow.cluster.clients", 3);
  private static final Pattern ACQUIRED = Pattern.compile("ENGINE-14022 Acquired (\\d+) jobs");
  static final long SEED = Long.getLong("civicflow.cluster.seed", System.currentTimeMillis());

  @Test
  void jobsTimersAndRepliesHappenOnceAndSessionsOutliveTheirNode() throws Exception {
    assumeTrue(
        Database.active(),
        "TwoNodeClusterIT runs on MariaDB only (mvn verify -Pmariadb): two processes share one"
            + " database server");
    Database db = new Database("civicflow_cluster");
    db.drop();
    String prefix = "N" + Long.toString(Math.abs(SEED) % 46656, 36) + "-";
    ActionLog log = new ActionLog();
    try (MailSink mail = new MailSink().start();
        AppProcess a = new AppProcess("node-a", db.name(), jobLogging(RunSupport.nodeArgs(mail)));
        AppProcess b = new AppProcess("node-b", db.name(), jobLogging(RunSupport.nodeArgs(mail)))) {
      // the first node creates the schema and the demo data; then the second joins
      a.start();
      b.start();
      Api api = new Api(List.of(a, b));
      LifecycleDriver driver = new LifecycleDriver(api, log, Duration.ofMinutes(3));
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(
            () -> {
              try {
                for (int n = next.incrementAndGet(); n <= LIFECYCLES; n = next.incrementAndGet()) {
                  driver.drive(Plan.random(new Random(SEED * 31 + n), prefix + n, true));
                }
              } catch (Throwable t) {
                failures.add(t);
              }
            });
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(15, TimeUnit.MINUTES)).as("clients finish").isTrue();
      assertThat(failures).as("client failures").isEmpty();
      RunSupport.awaitQuiet(db, prefix, Duration.ofMinutes(3));

      Consistency.Report report = new Consistency(db, prefix).check(log, mail, true);
      Map<String, Long> answersByNode =
          log.all().stream()
              .filter(x -> x.node() != null)
              .collect(Collectors.groupingBy(ActionLog.Action::node, Collectors.counting()));
      long reminders = remindersNotified(db, prefix);
      int jobsOnA = jobsAcquired(a);
      int jobsOnB = jobsAcquired(b);
      RunSupport.summary(
          String.format(
              "TwoNodeClusterIT seed %d: %d lifecycles (%d clients) over 2 nodes, answers by node"
                  + " %s, %d races (none won twice: %s), %d reminder occurrences, jobs acquired"
                  + " by A %d / by B %d, %d server errors; %s",
              SEED,
              LIFECYCLES,
              CLIENTS,
              answersByNode,
              driver.races(),
              driver.raceViolations().isEmpty(),
              reminders,
              jobsOnA,
              jobsOnB,
              api.serverErrors(),
              report.summary()));
      assertThat(report.problems()).as("problems (seed %d)", SEED).isEmpty();
      assertThat(driver.raceViolations()).as("a task completed on both nodes").isEmpty();
      assertThat(api.serverErrors()).as("answers 5xx").isZero();
      assertThat(answersByNode).as("both nodes answered").containsKeys("node-a", "node-b");
      assertThat(reminders).as("reminder timers fired during the run").isPositive();
      assertThat(report.publications()).as("replies were published").isPositive();
      // both nodes wrote audit records and both ran the chainer (one at a time, by the anchor's
      // lock): every record is chained once and the chain verifies
      Api.Answer chain = api.get("admin", "/api/v1/admin/audit/verification");
      assertThat(chain.status()).isEqualTo(200);
      assertThat(chain.body().get("ok").asBoolean()).as("audit chain %s", chain.body()).isTrue();

      // every published reply is served by both nodes, each verifying it with its own copy of
      // the cluster's key (they share no home directory, no key file)
      assertThat(a.home()).isNotEqualTo(b.home());
      assertThat(RunSupport.servedByEveryNode(db, List.of(a, b)))
          .as("replies not served by every node")
          .isEmpty();
      // a reply letter is issued once and signed with the cluster's key store, whichever node
      // is asked
      assertThat(RunSupport.lettersAlikeOnEveryNode(db, List.of(a, b), 3))
          .as("letters not alike on every node")
          .isEmpty();
      aNodeWithAnotherKeyStaysOutAndChangesNothing(db, mail, a, b);

      // a person signed in on node A; A is lost
      BrowserSession browser = BrowserSession.signIn(a, "registrar");
      assertThat(browser.get(a, "/api/v1/me").body()).contains("\"registrar\"");
      a.kill();
      api.leave(a);

      // B carries on alone: a whole lifecycle, with its jobs and timers, on B only
      long id = driver.drive(Plan.random(new Random(SEED), prefix + "b", false));
      RunSupport.awaitQuiet(db, prefix, Duration.ofMinutes(2));
      Consistency.Report afterLoss = new Consistency(db, prefix).check(log, mail, true);
      RunSupport.summary("TwoNodeClusterIT after node A was lost: " + afterLoss.summary());
      assertThat(afterLoss.problems()).as("after node A was lost").isEmpty();
      assertThat(id).isPositive();

      // the load balancer sends the person's next request to B
      BrowserSession.Page onB = browser.get(b, "/api/v1/me");
      assertThat(onB.status()).as("signed in on B with the cookie from A").isEqualTo(200);
      assertThat(onB.body()).contains("\"registrar\"");
      b.stop();

      restoreDrill(db, mail);
    }
  }

  /**
   * The restore drill of docs/operations.md: the database dumped with {@code mariadb-dump}, loaded
   * into a new database, and a new machine given the cluster's key starts on it and serves every
   * published reply.
   */
  private static void restoreDrill(Database db, MailSink mail) throws Exception {
    java.nio.file.Path dump =
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reliability"))
            .resolve("cluster-backup.sql");
    Database restored = db.restoreInto(db.name() + "_restored", dump);
    try (AppProcess d =
        new AppProcess("node-restored", restored.name(), RunSupport.nodeArgs(mail))) {
      d.start();
      List<String> problems = RunSupport.servedByEveryNode(restored, List.of(d));
      RunSupport.summary(
          "TwoNodeClusterIT restore drill: "
              + java.nio.file.Files.size(dump) / 1024
              + " KiB dump restored, a new node served every published reply: "
              + problems.isEmpty());
      assertThat(problems).as("replies not served after the restore").isEmpty();
      d.stop();
    }
  }

  /**
   * A third machine started with another seal key than the cluster's: it stays out of readiness,
   * serves none of the replies it cannot verify, calls none of them tampered and changes nothing
   * shared; the two others go on serving every reply.
   */
  private static void aNodeWithAnotherKeyStaysOutAndChangesNothing(
      Database db, MailSink mail, AppProcess a, AppProcess b) {
    String incidents =
        "SELECT (SELECT COUNT(*) FROM cf_integrity_failure) + (SELECT COUNT(*) FROM"
            + " cf_audit_event WHERE action IN ('publication.tamperDetected',"
            + " 'publication.publishRefused'))";
    long before;
    long published;
    try (Database.Snapshot s = db.snapshot()) {
      before = s.count(incidents);
      published = s.count("SELECT MIN(id) FROM cf_publication WHERE state = 'PUBLISHED'");
    }
    try (AppProcess c =
        new AppProcess("node-c", db.name(), RunSupport.nodeArgs(mail))
            .withSealKey(AppProcess.newSealKey())) {
      c.startNotReady();
      for (int i = 0; i < 10; i++) {
        assertThat(c.status("/actuator/health/readiness")).as("node C ready").isEqualTo(503);
        assertThat(c.status("/api/v1/public/replies/" + published))
            .as("node C serves a reply it cannot verify")
            .isEqualTo(503);
        AppProcess.sleep(1000);
      }
      assertThat(c.status("/api/v1/tasks")).as("node C's API").isEqualTo(503);
      // the administrator reads the reason on node C itself; signing in there records nothing
      // that the other nodes would meet sealed with C's key
      BrowserSession admin = BrowserSession.signIn(c, "admin");
      BrowserSession.Page integrity = admin.get(c, "/admin/integrity");
      assertThat(integrity.status()).isEqualTo(200);
      assertThat(integrity.body()).contains("unknown-seal-keys").contains("cf_publication");
      assertThat(admin.get(c, "/portal").status()).isEqualTo(503);
      assertThat(String.join("\n", c.logLines()))
          .contains("SEAL KEY MISSING")
          .contains("Job executor not started")
          .contains("Audit record not stored");
      c.stop();
    }
    for (AppProcess node : List.of(a, b)) {
      assertThat(node.status("/actuator/health/readiness"))
          .as("%s ready after node C", node.name())
          .isEqualTo(200);
    }
    Api.Answer chain = new Api(List.of(a)).get("admin", "/api/v1/admin/audit/verification");
    assertThat(chain.body().get("ok").asBoolean())
        .as("audit chain after node C %s", chain.body())
        .isTrue();
    try (Database.Snapshot s = db.snapshot()) {
      assertThat(s.count(incidents)).as("incidents after node C").isEqualTo(before);
    }
    assertThat(RunSupport.servedByEveryNode(db, List.of(a, b)))
        .as("replies served by A and B after node C")
        .isEmpty();
    RunSupport.summary(
        "TwoNodeClusterIT: a third node with another seal key stayed not ready (503) for 10 s,"
            + " served no reply it could not verify and changed nothing; A and B served every"
            + " reply");
  }

  /** DEBUG for the job executor: each node logs the jobs it acquired (ENGINE-14022). */
  private static List<String> jobLogging(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("--logging.level.org.camunda.bpm.engine.jobexecutor=DEBUG");
    return all;
  }

  private static int jobsAcquired(AppProcess node) {
    int jobs = 0;
    for (String line : node.logLines()) {
      Matcher m = ACQUIRED.matcher(line);
      if (m.find()) {
        jobs += Integer.parseInt(m.group(1));
      }
    }
    return jobs;
  }

  private static long remindersNotified(Database db, String prefix) {
    try (Database.Snapshot s = db.snapshot()) {
      return s.count(
          "SELECT COUNT(DISTINCT occurrence) FROM cf_notification WHERE proposal_number LIKE ?"
              + " AND occurrence LIKE 'approaching:%'",
          prefix + "%");
    }
  }
}
