package org.civicflow.portal.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CivicFlow as a separate operating-system process: {@code java -jar civicflow.jar} on the {@code
 * mysql} profile, started, waited for (the readiness probe, UP once start-up work is done), killed
 * with SIGKILL ({@link Process#destroyForcibly()} on Linux) and started again on the same port and
 * database. Each start writes its output to {@code target/reliability/<name>-<n>.log}.
 */
final class AppProcess implements AutoCloseable {

  /** How long a start may take on a loaded two-core machine. */
  static final Duration READY_TIMEOUT =
      Duration.ofSeconds(Long.getLong("civicflow.reliability.ready-seconds", 180));

  private final String name;
  private final int port;
  private final List<String> args;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private int starts;
  private Path log;

  /**
   * @param name names the log files
   * @param database the MariaDB database (created when missing)
   * @param extraArgs further {@code --key=value} settings of the application
   */
  AppProcess(String name, String database, List<String> extraArgs) {
    this.name = name;
    this.port = freePort();
    List<String> a = new ArrayList<>();
    a.add("--spring.profiles.active=mysql");
    a.add("--CIVICFLOW_DB_NAME=" + database);
    // the mysql profile has no default credentials: those of the suites' server (Database)
    a.add("--CIVICFLOW_DB_USER=" + System.getenv().getOrDefault("CIVICFLOW_DB_USER", "root"));
    a.add("--CIVICFLOW_DB_PASSWORD=" + System.getenv().getOrDefault("CIVICFLOW_DB_PASSWORD", ""));
    a.add("--server.port=" + port);
    a.add("--civicflow.demo=true");
    a.addAll(extraArgs);
    this.args = List.copyOf(a);
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("civicflow.jar", "target/civicflow.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing: the suites run after `package` (mvn verify)");
    }
    return jar;
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Starts the application and waits until it answers as healthy. */
  AppProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a quick start and a small footprint: several of these run on two cores
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m", "-Xss512k"));
    command.add("-Dfile.encoding=UTF-8");
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(args);
    try {
      Path dir = Files.createDirectories(Path.of("target", "reliability"));
      log = dir.resolve(name + "-" + starts + ".log");
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady();
    return this;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " ended with " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT + ":\n" + logTail());
  }

  /** SIGKILL: no shutdown hook, no graceful stop, transactions in flight are cut off. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the graceful shutdown of a deployment. */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The end of the current log, for failure messages. */
  String logTail() {
    if (log == null) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The lines of every log of this process so far (all starts). */
  List<String> logLines() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= starts; i++) {
      try {
        lines.addAll(
            Files.readAllLines(
                Path.of("target", "reliability", name + "-" + i + ".log"), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // a missing log has no lines
      }
    }
    return lines;
  }

  @Override
  public void close() {
    kill();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
