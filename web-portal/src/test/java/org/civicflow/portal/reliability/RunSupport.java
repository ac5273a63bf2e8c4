package org.civicflow.portal.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** What the reliability suites share: the nodes' settings, waiting for quiet, the summary file. */
final class RunSupport {

  private RunSupport() {}

  /** The test cluster's seal key (the one the tests' configuration gives the mysql profile). */
  static final String CLUSTER_SEAL_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  /**
   * The settings of every node of a run.
   *
   * <p>Timers due during the run: reminders go out at 09:00 (city time) of their day, and a
   * reminder whose day has passed goes out at once. With reminders 400 and 300 days before the
   * deadline, both reminders of every assignment fall on "today"; the nodes run in a time zone
   * where it is mid-afternoon now, so that 09:00 has passed and both timers are due as soon as a
   * department starts handling. Both are real timer jobs, run by whichever node's job executor
   * acquires them.
   *
   * <p>The outbox is relayed every second (15 s by default) so that the run does not wait for it.
   */
  static List<String> nodeArgs(MailSink mail) {
    List<String> args = new ArrayList<>();
    args.add("--civicflow.time-zone=" + afternoonZone());
    args.add("--civicflow.deadlines.reminder-days-before=400,300");
    args.add("--civicflow.outbox.interval=PT1S");
    args.add("--civicflow.outbox.initial-delay=PT2S");
    args.add("--logging.level.org.civicflow=INFO");
    // the cluster's seal key, the same on every node (the mysql profile never makes one)
    args.add("--civicflow.integrity.seal-key=" + CLUSTER_SEAL_KEY);
    args.addAll(mail.args());
    return args;
  }

  /** A fixed-offset zone in which it is about 15:00 now. */
  static String afternoonZone() {
    int offset = 15 - ZonedDateTime.now(ZoneOffset.UTC).getHour();
    if (offset > 14) {
      offset -= 24;
    } else if (offset < -12) {
      offset += 24;
    }
    return ZoneOffset.ofHours(offset).getId();
  }

  /**
   * Waits until the run's jobs are done and its mail is sent: no async job, no due timer, no
   * pending outbox message of the run's proposals.
   */
  static void awaitQuiet(Database db, String numberPrefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String mine = "PROCESS_INSTANCE_ID_ IN " + Consistency.RUN_TREE;
    while (System.nanoTime() < deadline) {
      try (Database.Snapshot s = db.snapshot()) {
        long jobs =
            s.count(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE "
                    + mine
                    + " AND (HANDLER_TYPE_ = 'async-continuation' OR DUEDATE_ <= ?)",
                numberPrefix + "%",
                java.sql.Timestamp.from(Instant.now()));
        long mail =
            s.count(
                "SELECT COUNT(*) FROM cf_outbox o JOIN cf_notification n"
                    + " ON n.id = o.notification_id WHERE n.proposal_number LIKE ?"
                    + " AND o.status = 'PENDING'",
                numberPrefix + "%");
        if (jobs == 0 && mail == 0) {
          return;
        }
      }
      AppProcess.sleep(1000);
    }
    throw new AssertionError("jobs or mail of the run still pending after " + timeout);
  }

  /** Appends a line to {@code target/reliability/summary.txt} (the README's numbers). */
  static void summary(String line) {
    System.out.println("[reliability] " + line);
    try {
      Path file = Files.createDirectories(Path.of("target", "reliability")).resolve("summary.txt");
      Files.writeString(
          file,
          Instant.now() + " " + line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
