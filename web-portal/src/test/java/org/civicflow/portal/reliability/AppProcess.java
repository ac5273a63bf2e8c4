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
 *
 * <p>Each node is a machine of its own: its own home directory, working directory and temporary
 * directory under {@code target/reliability/<name>/}, nothing shared with another node but the
 * database — and the settings an operator gives every node alike, the seal key among them, as the
 * environment variables of a deployment.
 */
final class AppProcess implements AutoCloseable {

  /** How long a start may take on a loaded two-core machine. */
  static final Duration READY_TIMEOUT =
      Duration.ofSeconds(Long.getLong("civicflow.reliability.ready-seconds", 180));

  /** The cluster's seal key of this test run, as an operator makes it (openssl rand -base64 32). */
  static final String CLUSTER_SEAL_KEY = newSealKey();

  private final String name;
  private final int port;
  private final List<String> args;
  private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
  private final Path home;
  private final Path workDir;
  private final Path tmpDir;
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
    environment.put("CIVICFLOW_SEAL_KEY", CLUSTER_SEAL_KEY);
    // the letters' key store, as the operator gives it: one directory and password for every node
    environment.put("CIVICFLOW_LETTER_KEY_STORE_DIR", ClusterLetterKeyStore.directory().toString());
    environment.put("CIVICFLOW_LETTER_KEY_STORE_PASSWORD", ClusterLetterKeyStore.PASSWORD);
    Path machine = Path.of("target", "reliability", name).toAbsolutePath();
    this.home = machine.resolve("home");
    this.workDir = machine.resolve("work");
    this.tmpDir = machine.resolve("tmp");
    deleteRecursively(machine);
  }

  /** A fresh random seal key (32 bytes, Base64). */
  static String newSealKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  /** Starts this node with another seal key than the cluster's (a misconfigured machine). */
  AppProcess withSealKey(String base64) {
    environment.put("CIVICFLOW_SEAL_KEY", base64);
    return this;
  }

  /** The node's own home directory (its {@code user.home}). */
  Path home() {
    return home;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** Starts the application and waits until it answers as ready. */
  AppProcess start() {
    launch();
    await("/actuator/health/readiness", 200, "ready");
    return this;
  }

  /**
   * Starts the application and waits until it is up (alive) but NOT ready: its readiness probe
   * answers 503, as it must for a node that lacks the cluster's seal key.
   */
  AppProcess startNotReady() {
    launch();
    await("/actuator/health/liveness", 200, "alive");
    await("/actuator/health/readiness", 503, "not ready");
    return this;
  }

  private void launch() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a quick start and a small footprint: several of these run on two cores
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m", "-Xss512k"));
    command.add("-Dfile.encoding=UTF-8");
    // a machine of its own: nothing of another node's home, working or temporary directory
    command.add("-Duser.home=" + home);
    command.add("-Djava.io.tmpdir=" + tmpDir);
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(args);
    try {
      Files.createDirectories(home);
      Files.createDirectories(workDir);
      Files.createDirectories(tmpDir);
      Path dir = Files.createDirectories(Path.of("target", "reliability"));
      log = dir.resolve(name + "-" + starts + ".log").toAbsolutePath();
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void await(String path, int status, String what) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " ended with " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        HttpResponse<String> r = http.send(probe, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == status) {
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
    throw new IllegalStateException(
        name + " not " + what + " after " + READY_TIMEOUT + ":\n" + logTail());
  }

  /** The status of a GET of {@code path} on this node. */
  int status(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
                Path.of("target", "reliability", name + "-" + i + ".log").toAbsolutePath(),
                StandardCharsets.UTF_8));
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
