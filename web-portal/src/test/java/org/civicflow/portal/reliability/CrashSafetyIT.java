package org.civicflow.portal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicflow.portal.reliability.LifecycleDriver.Plan;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: CivicFlow runs as a separate process on MariaDB while client threads take proposals
 * through their handling over the HTTP API; the process is killed with SIGKILL at random moments
 * (after 2–8 more acknowledged actions and a random pause of up to 1.5 s) and started again, and
 * the clients continue where the processes are. After each kill (with nothing running) and at the
 * end, {@link Consistency} checks that every acknowledged action is there, that domain and process
 * state agree for every proposal, and that nothing was published or notified twice.
 *
 * <p>{@code -Dcivicflow.crash.kills=5} (CI) — the README shows how to run 20 and more; {@code
 * -Dcivicflow.crash.seed=…} repeats the kill moments and the proposals' plans of a run.
 */
class CrashSafetyIT {

  static final int KILLS = Integer.getInteger("civicflow.crash.kills", 5);
  static final int CLIENTS = Integer.getInteger("civicflow.crash.clients", 3);
  static final int MIN_LIFECYCLES = Integer.getInteger("civicflow.crash.lifecycles", 6);
  static final long SEED = Long.getLong("civicflow.crash.seed", System.currentTimeMillis());

  /**
   * Waits until the clients got this many more acknowledgements (at most a minute): each kill then
   * cuts into work under way, however slow the machine.
   */
  private static void awaitProgress(ActionLog log, int actions, List<Throwable> failures) {
    long target = log.acknowledged().size() + actions;
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (log.acknowledged().size() < target
        && System.nanoTime() < deadline
        && failures.isEmpty()) {
      AppProcess.sleep(100);
    }
  }

  private static void note(List<String> problems, String when, List<String> found) {
    for (String p : found) {
      problems.add(when + ": " + p);
      RunSupport.summary("  problem " + when + ": " + p);
    }
  }

  @Test
  void acknowledgedWorkSurvivesSigkillAndNothingHappensTwice() throws Exception {
    assumeTrue(
        Database.active(),
        "CrashSafetyIT runs on MariaDB only (mvn verify -Pmariadb): it kills an application"
            + " process whose database outlives it");
    RunSupport.summary("CrashSafetyIT seed " + SEED + ", " + KILLS + " kills");
    Random random = new Random(SEED);
    Database db = new Database("civicflow_crash");
    db.drop();
    String prefix = "K" + Long.toString(Math.abs(SEED) % 46656, 36) + "-";
    Consistency consistency = new Consistency(db, prefix);
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    ActionLog log = new ActionLog();

    try (MailSink mail = new MailSink().start()) {
      List<String> args = new ArrayList<>(RunSupport.nodeArgs(mail));
      // a job locked by the killed process is taken up again 15 s later (5 min by default)
      args.add("--camunda.bpm.job-execution.lock-time-in-millis=15000");
      try (AppProcess node = new AppProcess("crash", db.name(), args)) {
        node.start();
        Api api = new Api(List.of(node));
        LifecycleDriver driver = new LifecycleDriver(api, log, Duration.ofMinutes(3));
        AtomicBoolean killing = new AtomicBoolean(true);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
          clients.submit(
              () -> {
                try {
                  while (killing.get() || started.get() < MIN_LIFECYCLES) {
                    int n = started.incrementAndGet();
                    driver.drive(Plan.random(new Random(SEED * 31 + n), prefix + n, false));
                    finished.incrementAndGet();
                  }
                } catch (Throwable t) {
                  failures.add(t);
                  killing.set(false);
                }
              });
        }
        for (int k = 1; k <= KILLS && failures.isEmpty(); k++) {
          awaitProgress(log, 2 + random.nextInt(7), failures);
          AppProcess.sleep(random.nextInt(1500));
          node.kill();
          // nothing runs now: the database holds exactly what was committed
          Consistency.Report afterKill = consistency.check(log, null, false);
          note(problems, "after kill " + k, afterKill.problems());
          if (!afterKill.problems().isEmpty()) {
            // a commit that reached the server as the process died would land a moment later
            AppProcess.sleep(3000);
            note(problems, "3 s after kill " + k, consistency.check(log, null, false).problems());
          }
          RunSupport.summary(
              "kill "
                  + k
                  + " after "
                  + finished.get()
                  + " finished lifecycles: "
                  + afterKill.summary());
          node.start();
        }
        killing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(15, TimeUnit.MINUTES)).as("clients finish").isTrue();
        assertThat(failures).as("client failures").isEmpty();

        RunSupport.awaitQuiet(db, prefix, Duration.ofMinutes(3));
        Consistency.Report end = consistency.check(log, mail, true);
        note(problems, "at the end", end.problems());
        RunSupport.summary(
            String.format(
                "CrashSafetyIT seed %d: %d kills, %d lifecycles (%d clients), %d requests"
                    + " (%d acknowledged, %d without answer, %d of them turned away while the"
                    + " node was starting), %d server errors; %s",
                SEED,
                KILLS,
                finished.get(),
                CLIENTS,
                log.all().size(),
                log.acknowledged().size(),
                log.count(ActionLog.Outcome.UNKNOWN),
                api.notReady(),
                api.serverErrors(),
                end.summary()));
        assertThat(problems).as("problems (seed %d)", SEED).isEmpty();
        // the audit log written across the kills is chained and verifies: a chainer batch cut off
        // by a kill left nothing half done
        Api.Answer chain = api.get("admin", "/api/v1/admin/audit/verification");
        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.body().get("ok").asBoolean()).as("audit chain %s", chain.body()).isTrue();
        assertThat(api.serverErrors()).as("answers 5xx").isZero();
        assertThat(end.publications()).as("replies were published during the run").isPositive();
        assertThat(RunSupport.servedByEveryNode(db, List.of(node)))
            .as("published replies not served after the restarts")
            .isEmpty();
        node.stop();
      }
    }
  }
}
