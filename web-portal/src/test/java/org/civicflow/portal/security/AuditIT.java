package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicflow.domain.audit.AuditChainVerifier;
import org.civicflow.domain.audit.AuditEntrySeal;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.audit.AuditMapper;
import org.civicflow.domain.audit.AuditRetention;
import org.civicflow.domain.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log: refused access to pages and the API recorded with user, path, method and address;
 * no password, hash, session id, CSRF token or seal key in the log output, the audit table or the
 * stored sessions; the retention purge removes only events past the retention period; and nothing
 * in the application can change or delete audit events otherwise.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "civicflow.security.trusted-proxies=127.0.0.1,::1"
    })
@ExtendWith(OutputCaptureExtension.class)
class AuditIT {

  static final String DEMO = "Demo@12345";

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired AuditMapper events;
  @Autowired AuditRetention retention;
  @Autowired AuditEntrySeal entries;
  @Autowired AuditChainVerifier verifier;
  @Autowired UserDirectory users;
  @Autowired org.springframework.core.env.Environment environment;
  @Autowired JdbcTemplate jdbc;
  @Autowired LoggingSystem logging;
  @Autowired AnonymousRefusals anonymous;

  private List<AuditEvent> deniedFrom(String path, String address) {
    return audit.forObject("path", path).stream()
        .filter(e -> address.equals(e.remoteAddress()))
        .toList();
  }

  /** The key this node seals with: configured (a cluster), or its own key file (a single node). */
  private byte[] sealKeyBytes() {
    String configured = environment.getProperty("civicflow.integrity.seal-key", "");
    try {
      String base64 =
          configured.isBlank()
              ? java.nio.file.Files.readString(
                  java.nio.file.Path.of(
                      environment.getRequiredProperty("civicflow.integrity.generated-key-file")))
              : configured;
      return Base64.getDecoder().decode(base64.strip());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void refusedPagesAndApiCallsAreAuditedWithUserPathMethodAndAddress() {
    WebPeer handler = new WebPeer(port).from("203.0.113.77");
    assertThat(handler.signIn("scjg.handler", DEMO).location()).endsWith("/portal");
    assertThat(handler.get("/admin/users").status()).isEqualTo(403);
    assertThat(deniedFrom("/admin/users", "203.0.113.77"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("scjg.handler");
              assertThat(e.action()).isEqualTo("http.GET");
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.detail()).isEqualTo("status=403 /admin/users");
            });

    WebPeer client = new WebPeer(port).from("203.0.113.78");
    assertThat(
            client
                .postWithBasic("/api/v1/admin/users/scjg.leader/disable", "scjg.handler", DEMO)
                .status())
        .isEqualTo(403);
    assertThat(deniedFrom("/api/v1/admin/users/scjg.leader/disable", "203.0.113.78"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("scjg.handler");
              assertThat(e.action()).isEqualTo("http.POST");
            });

    // someone not signed in: counted per address and minute, written when the minute is over
    WebPeer stranger = new WebPeer(port).from("203.0.113.79");
    assertThat(stranger.get("/api/v1/admin/departments").status()).isEqualTo(401);
    assertThat(deniedFrom("/api/v1/admin/departments", "203.0.113.79")).isEmpty();
    anonymous.writeAll();
    assertThat(audit.forObject("address", "203.0.113.79"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("anonymous");
              assertThat(e.action()).isEqualTo("http.anonymousRefusals");
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.remoteAddress()).isEqualTo("203.0.113.79");
              assertThat(e.detail())
                  .startsWith("count=1 status401=1 status403=0")
                  .contains("GET /api/v1/admin/departments 401");
            });

    // a refusal by a service (not by a URL rule) is recorded as well
    WebPeer.Answer register =
        client.postJsonWithBasic("/api/v1/proposals", "scjg.handler", DEMO, "{\"title\":\"越权登记\"}");
    assertThat(register.status()).isEqualTo(403);
    assertThat(deniedFrom("/api/v1/proposals", "203.0.113.78"))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("scjg.handler"));
  }

  /**
   * 10,000 refused requests of someone not signed in, from one address, make a record or two (one
   * per minute the flood lasted), whose counts add up to 10,000.
   */
  @Test
  void aFloodOfAnonymousRefusalsIsSummarisedPerAddressAndMinute() throws Exception {
    String address = "203.0.113.200";
    int unauthorized = 9_900;
    int forbidden = 100;
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.concurrent.atomic.AtomicInteger refused =
        new java.util.concurrent.atomic.AtomicInteger();
    try {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        sent.add(
            threads.submit(
                () -> {
                  for (int i = thread; i < unauthorized + forbidden; i += 8) {
                    // the API without credentials: 401; a page's form without the token: 403
                    java.net.http.HttpRequest.Builder request =
                        java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                    "http://127.0.0.1:"
                                        + port
                                        + (i < unauthorized
                                            ? "/api/v1/tasks?i=" + i
                                            : "/admin/departments")))
                            .header("X-Forwarded-For", address);
                    if (i >= unauthorized) {
                      request.POST(java.net.http.HttpRequest.BodyPublishers.noBody());
                    }
                    int status =
                        client
                            .send(
                                request.build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == (i < unauthorized ? 401 : 403)) {
                      refused.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(refused).hasValue(unauthorized + forbidden);
    anonymous.writeAll();

    List<AuditEvent> rows = audit.forObject("address", address);
    assertThat(rows)
        .as("one record per minute the flood lasted")
        .hasSizeBetween(1, 3)
        .allSatisfy(e -> assertThat(e.action()).isEqualTo("http.anonymousRefusals"));
    assertThat(rows.stream().mapToLong(e -> number(e.detail(), "count")).sum())
        .isEqualTo(unauthorized + forbidden);
    assertThat(rows.stream().mapToLong(e -> number(e.detail(), "status401")).sum())
        .isEqualTo(unauthorized);
    assertThat(rows.stream().mapToLong(e -> number(e.detail(), "status403")).sum())
        .isEqualTo(forbidden);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM cf_audit_event WHERE remote_address = ?",
                Integer.class,
                address))
        .as("nothing else recorded for that address")
        .isEqualTo(rows.size());
  }

  private static long number(String detail, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(detail);
    assertThat(m.find()).as(detail).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void noPasswordHashSessionIdCsrfTokenOrSealKeyIsLoggedAuditedOrStored(CapturedOutput output) {
    String first = "First#2026pw";
    String second = "Second#2026pw";
    String typo = "Typo#2026pw";
    String own = "Own#2026pw1";
    String ownAgain = "Own#2026pw2";
    List<String> secrets = new ArrayList<>(List.of(first, second, typo, own, ownAgain, DEMO));
    // everything our code and Spring Security, Spring Session and MVC say, for this test
    List<String> loggers =
        List.of(
            "org.civicflow",
            "org.springframework.security",
            "org.springframework.session",
            "org.springframework.web");
    loggers.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));
    String hash;
    try {
      WebPeer admin = new WebPeer(port);
      assertThat(admin.signIn("admin", DEMO).location()).endsWith("/portal");
      secrets.add(admin.cookie());
      secrets.add(WebPeer.sessionId(admin.cookie()));
      WebPeer.Answer form = admin.get("/admin/users/new");
      secrets.add(WebPeer.csrf(form.body()));
      assertThat(
              admin
                  .submit(
                      "/admin/users",
                      form.body(),
                      Map.of(
                          "username", "secret.keeper",
                          "displayName", "保密员",
                          "password", first,
                          "roles", "PROPOSER"))
                  .status())
          .isEqualTo(302);
      secrets.add(users.find("secret.keeper").orElseThrow().getPasswordHash());
      WebPeer.Answer page = admin.get("/admin/users/secret.keeper");
      assertThat(
              admin
                  .submit(
                      "/admin/users/secret.keeper/password",
                      page.body(),
                      Map.of("password", second))
                  .status())
          .isEqualTo(302);
      hash = users.find("secret.keeper").orElseThrow().getPasswordHash();
      secrets.add(hash);
      new WebPeer(port).signIn("secret.keeper", typo);
      WebPeer person = new WebPeer(port);
      assertThat(person.signIn("secret.keeper", second).location()).endsWith("/portal");
      secrets.add(person.cookie());
      secrets.add(WebPeer.sessionId(person.cookie()));
      // a password the administrator set must be changed first (403), the wrong one is refused
      assertThat(new WebPeer(port).getWithBasic("/api/v1/me", "secret.keeper", second).status())
          .isEqualTo(403);
      assertThat(new WebPeer(port).getWithBasic("/api/v1/me", "secret.keeper", typo).status())
          .isEqualTo(401);
      // the person's own password (page and API), logged nowhere either
      WebPeer.Answer pageForm = person.get("/portal/password");
      assertThat(
              person
                  .submit(
                      "/portal/password",
                      pageForm.body(),
                      Map.of(
                          "currentPassword", second,
                          "newPassword", own,
                          "confirmPassword", own))
                  .status())
          .isEqualTo(302);
      assertThat(
              new WebPeer(port)
                  .postJsonWithBasic(
                      "/api/v1/me/password",
                      "secret.keeper",
                      own,
                      "{\"currentPassword\":\"" + own + "\",\"newPassword\":\"" + ownAgain + "\"}")
                  .status())
          .isEqualTo(204);
      assertThat(new WebPeer(port).getWithBasic("/api/v1/me", "secret.keeper", ownAgain).status())
          .isEqualTo(200);
    } finally {
      loggers.forEach(l -> logging.setLogLevel(l, null));
    }
    byte[] key = sealKeyBytes();
    secrets.add(Base64.getEncoder().encodeToString(key));
    secrets.add(java.util.HexFormat.of().formatHex(key));

    assertThat(output.getAll()).as("the test logged something").contains("secret.keeper");
    for (String secret : secrets) {
      assertThat(output.getAll()).as("log output").doesNotContain(secret);
    }
    List<AuditEvent> recorded = audit.recent(500);
    assertThat(recorded).extracting(AuditEvent::objectId).contains("secret.keeper");
    for (AuditEvent e : recorded) {
      for (String secret : secrets) {
        assertThat(String.join("|", e.actor(), e.objectId() + "", e.detail() + ""))
            .as("audit event %s", e.id())
            .doesNotContain(secret);
      }
    }
    // the signed-in sessions in the database hold no password or hash (credentials erased)
    List<byte[]> attributes =
        jdbc.queryForList("SELECT ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES", byte[].class);
    assertThat(attributes).isNotEmpty();
    for (byte[] bytes : attributes) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain(hash, second, DEMO);
    }
  }

  /**
   * The purge deletes the oldest part of the chain only (shown with a fixed clock in the domain's
   * AuditChainPurgeDatabaseTest, and on this database in AuditChainIT): never an event within the
   * retention period, and the chain verifies afterwards.
   */
  @Test
  void theRetentionPurgeNeverDeletesEventsWithinTheRetentionPeriod() {
    assertThat(retention.retentionDays()).isEqualTo(365);
    Instant now = Instant.now();
    for (int days : List.of(364, 10)) {
      events.insert(
          entries.seal(
              new AuditEvent(
                  null,
                  now.minus(Duration.ofDays(days)),
                  "system",
                  "test.retention",
                  "test",
                  String.valueOf(days),
                  AuditLog.OK,
                  null,
                  null)));
    }
    retention.purge();
    assertThat(events.findByAction("test.retention", 10))
        .extracting(AuditEvent::objectId)
        .contains("364", "10");
    assertThat(verifier.verify().ok()).isTrue();
  }

  /**
   * No mapper changes or deletes audit events except the retention purge and the chainer (which
   * only gives a record without one its place in the chain), and no other code touches the table
   * with SQL of its own.
   */
  @Test
  void theAuditLogCannotBeChangedThroughTheApplication() throws IOException {
    Pattern statement =
        Pattern.compile(
            "<(update|delete|insert)\\s+id=\"(\\w+)\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    List<String> writes = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    for (String module : List.of("../domain", "../workflow-engine", ".")) {
      try (Stream<Path> files = Files.walk(Path.of(module, "src/main"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String name = f.getFileName().toString();
          if (!name.endsWith(".xml") && !name.endsWith(".java")) {
            continue;
          }
          String text = Files.readString(f);
          if (!text.toLowerCase(java.util.Locale.ROOT).contains("cf_audit_event")) {
            continue;
          }
          if (name.endsWith(".java")) {
            elsewhere.add(f.toString());
            continue;
          }
          Matcher m = statement.matcher(text);
          while (m.find()) {
            if (m.group(3).toLowerCase(java.util.Locale.ROOT).contains("cf_audit_event")) {
              writes.add(m.group(1) + " " + name + "#" + m.group(2));
            }
          }
        }
      }
    }
    assertThat(writes)
        .containsExactlyInAnyOrder(
            "insert AuditMapper.xml#insert",
            "insert AuditMapper.xml#insertAll",
            "update AuditChainMapper.xml#link",
            "delete AuditRetentionMapper.xml#deleteChained");
    assertThat(elsewhere).isEmpty();
  }
}
