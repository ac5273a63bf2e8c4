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

  /**
   * Every published reply is served by every node, with the SHA-256 of its text as signed — each
   * node reads and verifies the record itself, with the keys it was given.
   *
   * @return the replies some node did not serve; empty when all did
   */
  static List<String> servedByEveryNode(Database db, List<AppProcess> nodes) {
    List<java.util.Map<String, Object>> published;
    try (Database.Snapshot s = db.snapshot()) {
      published = s.rows("SELECT id, content_sha256 FROM cf_publication WHERE state = 'PUBLISHED'");
    }
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    List<String> problems = new ArrayList<>();
    for (java.util.Map<String, Object> reply : published) {
      for (AppProcess node : nodes) {
        String path = "/api/v1/public/replies/" + reply.get("id");
        try {
          java.net.http.HttpResponse<String> r =
              http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + path))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200 || !r.body().contains((String) reply.get("content_sha256"))) {
            problems.add(node.name() + " answered " + r.statusCode() + " to " + path);
          }
        } catch (IOException e) {
          problems.add(node.name() + ": " + path + ": " + e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    if (published.isEmpty()) {
      problems.add("no published reply to check");
    }
    return problems;
  }

  /**
   * The reply letters of a few published replies, asked of every node: each answers the same bytes
   * (issued once, stored), signed with the key store the operator gave the cluster (the
   * certificate's organisation is that of {@link ClusterLetterKeyStore}), never a node's own.
   *
   * @return what differed; empty when every node gave the same signed letter
   */
  static List<String> lettersAlikeOnEveryNode(Database db, List<AppProcess> nodes, int replies) {
    List<java.util.Map<String, Object>> published;
    try (Database.Snapshot s = db.snapshot()) {
      published =
          s.rows(
              "SELECT id, proposal_id FROM cf_publication WHERE state = 'PUBLISHED' ORDER BY id"
                  + " LIMIT "
                  + replies);
    }
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String auth =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    ("registrar:" + Api.PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> problems = new ArrayList<>();
    for (java.util.Map<String, Object> reply : published) {
      String path =
          "/api/v1/proposals/"
              + reply.get("proposal_id")
              + "/replies/"
              + reply.get("id")
              + "/letter.pdf";
      byte[] first = null;
      for (AppProcess node : nodes) {
        try {
          java.net.http.HttpResponse<byte[]> r =
              http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.baseUrl() + path))
                      .header("Authorization", auth)
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != 200) {
            problems.add(node.name() + " answered " + r.statusCode() + " to " + path);
            continue;
          }
          if (first == null) {
            first = r.body();
            // the signature's certificates sit hex-encoded in the PDF's /Contents
            String organisation =
                java.util.HexFormat.of()
                    .formatHex(
                        ClusterLetterKeyStore.ORGANISATION.getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII));
            if (!new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT)
                .contains(organisation)) {
              problems.add(path + " is not signed with the cluster's key store");
            }
          } else if (!java.util.Arrays.equals(first, r.body())) {
            problems.add(node.name() + " gave other bytes for " + path);
          }
        } catch (IOException e) {
          problems.add(node.name() + ": " + path + ": " + e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    if (published.isEmpty()) {
      problems.add("no published reply to check");
    }
    return problems;
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
