package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.civicflow.domain.audit.AuditChainMapper;
import org.civicflow.domain.audit.AuditChainPurge;
import org.civicflow.domain.audit.AuditChainState;
import org.civicflow.domain.audit.AuditChainVerifier;
import org.civicflow.domain.audit.AuditChainer;
import org.civicflow.domain.audit.ChainBreak;
import org.civicflow.domain.audit.ChainVerdict;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit chain over HTTP, on the application's own database: records made by real requests are
 * chained; a record edited, deleted or inserted with SQL is found by {@code GET
 * /api/v1/admin/audit/verification} and shown on {@code /admin/integrity}; the purge keeps the
 * chain verifiable from its new start; after a key rotation the old links still verify. The chainer
 * is driven directly (the tests' settings leave its schedule idle). Each test puts back what it
 * changed, so that the chain is intact again for the other tests on this database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class AuditChainIT {

  static final String DEMO = "Demo@12345";
  static final String ENDPOINT = "/api/v1/admin/audit/verification";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditChainer chainer;
  @Autowired AuditChainPurge purge;
  @Autowired AuditChainMapper chain;
  @Autowired SealKeys keys;
  @Autowired Environment environment;
  final ObjectMapper json = new ObjectMapper();

  /** Real requests, each refused and recorded at once; the ids of their records, in order. */
  private List<Long> refusedRequests(String marker) {
    WebPeer handler = new WebPeer(port);
    String prefix = "/api/v1/admin/users/chain-" + marker + "-" + System.nanoTime() + "-";
    for (int i = 0; i < 3; i++) {
      assertThat(handler.getWithBasic(prefix + i, "scjg.handler", DEMO).status()).isEqualTo(403);
    }
    return IntStream.range(0, 3)
        .mapToObj(
            i ->
                jdbc.queryForObject(
                    "SELECT id FROM cf_audit_event WHERE object_type = 'path' AND object_id = ?",
                    Long.class,
                    prefix + i))
        .toList();
  }

  private Map<String, Object> verification() {
    WebPeer.Answer a = new WebPeer(port).getWithBasic(ENDPOINT, "admin", DEMO);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    try {
      return json.readValue(a.body(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> firstBroken() {
    Map<String, Object> v = verification();
    assertThat(v).containsEntry("ok", false).containsKey("checked");
    return (Map<String, Object>) v.get("firstBroken");
  }

  private void assertIntact() {
    Map<String, Object> v = verification();
    assertThat(v).as("%s", v).containsEntry("ok", true).containsEntry("firstBroken", null);
    assertThat(((Number) v.get("checked")).longValue()).isPositive();
  }

  private static Long number(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : ((Number) v).longValue();
  }

  private Long seqOf(long id) {
    return jdbc.queryForObject("SELECT chain_seq FROM cf_audit_event WHERE id = ?", Long.class, id);
  }

  private String integrityPage() {
    WebPeer admin = new WebPeer(port);
    assertThat(admin.signIn("admin", DEMO).status()).isEqualTo(302);
    WebPeer.Answer page = admin.get("/admin/integrity");
    assertThat(page.status()).isEqualTo(200);
    return page.body();
  }

  /** Puts a deleted row back exactly as it was. */
  private void putBack(Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
    jdbc.update(
        "INSERT INTO cf_audit_event (" + columns + ") VALUES (" + marks + ")",
        row.values().toArray());
  }

  @Test
  void findsARecordEditedDeletedOrInsertedWithSqlAndShowsIt() {
    List<Long> ids = refusedRequests("tamper");
    chainer.chainAll();
    assertThat(ids).allSatisfy(id -> assertThat(seqOf(id)).isNotNull());
    assertIntact();

    long edited = ids.get(0);
    String detail =
        jdbc.queryForObject("SELECT detail FROM cf_audit_event WHERE id = ?", String.class, edited);
    jdbc.update(
        "UPDATE cf_audit_event SET detail = 'status=200 nothing refused' WHERE id = ?", edited);
    try {
      Map<String, Object> broken = firstBroken();
      assertThat(broken)
          .containsEntry("reason", "edited")
          .containsEntry("action", "http.GET")
          .containsKey("occurredAt");
      assertThat(number(broken, "id")).isEqualTo(edited);
      assertThat(number(broken, "chainSeq")).isEqualTo(seqOf(edited));
      assertThat(integrityPage())
          .contains("class=\"audit-reason\">edited<")
          .contains("class=\"audit-id\">" + edited + "<");
    } finally {
      jdbc.update("UPDATE cf_audit_event SET detail = ? WHERE id = ?", detail, edited);
    }
    assertIntact();

    long deleted = ids.get(1);
    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM cf_audit_event WHERE id = ?", deleted);
    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", deleted);
    try {
      Map<String, Object> broken = firstBroken();
      assertThat(broken).containsEntry("reason", "deleted");
      assertThat(number(broken, "chainSeq")).isEqualTo(((Number) row.get("chain_seq")).longValue());
      assertThat(integrityPage()).contains("class=\"audit-reason\">deleted<");
    } finally {
      putBack(row);
    }
    assertIntact();

    jdbc.update(
        "INSERT INTO cf_audit_event (occurred_at, actor, action, object_type, object_id, result,"
            + " detail) VALUES (?, 'admin', 'user.create', 'user', 'ghost', 'OK', 'by SQL')",
        java.sql.Timestamp.from(Instant.now()));
    long inserted = jdbc.queryForObject("SELECT MAX(id) FROM cf_audit_event", Long.class);
    try {
      chainer.chainAll();
      assertThat(seqOf(inserted)).as("left out of the chain").isNull();
      Map<String, Object> broken = firstBroken();
      assertThat(broken)
          .containsEntry("reason", "inserted")
          .containsEntry("chainSeq", null)
          .containsEntry("action", "user.create");
      assertThat(number(broken, "id")).isEqualTo(inserted);
      assertThat(integrityPage())
          .contains("class=\"audit-reason\">inserted<")
          .contains("class=\"audit-id\">" + inserted + "<");
    } finally {
      jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", inserted);
    }
    assertIntact();
  }

  @Test
  void theVerifyButtonVerifiesAndThePageShowsTheResult() {
    refusedRequests("button");
    WebPeer admin = new WebPeer(port);
    admin.signIn("admin", DEMO);
    String page = admin.get("/admin/integrity").body();
    assertThat(page).contains("action=\"/admin/integrity/audit/verify\"");
    WebPeer.Answer done = admin.submit("/admin/integrity/audit/verify", page, Map.of());
    assertThat(done.status()).isEqualTo(302);
    assertThat(done.location()).endsWith("/admin/integrity");
    assertThat(admin.get("/admin/integrity").body())
        .contains("审计日志链校验完成")
        .contains("class=\"audit-ok\"");
    assertThat(new WebPeer(port).getWithBasic(ENDPOINT, "registrar", DEMO).status()).isEqualTo(403);
  }

  @Test
  void thePurgeKeepsTheChainVerifiableFromItsNewStart() {
    refusedRequests("purge");
    chainer.chainAll();
    AuditChainState before = chain.readAnchor();
    Instant first =
        jdbc.queryForObject(
                "SELECT occurred_at FROM cf_audit_event WHERE chain_seq = ?",
                java.sql.Timestamp.class,
                before.startSeq())
            .toInstant();
    // a year cannot pass in a test: the purge deletes what is older than the chain's first second
    int deleted = purge.deleteBefore(first.plusSeconds(1), "test");
    assertThat(deleted).isPositive();
    AuditChainState after = chain.readAnchor();
    assertThat(after.startSeq()).isEqualTo(before.startSeq() + deleted);
    assertThat(
            jdbc.queryForObject(
                "SELECT detail FROM cf_audit_event WHERE action = 'audit.purge' ORDER BY id DESC"
                    + " LIMIT 1",
                String.class))
        .contains("test: deleted " + deleted + " records")
        .contains("the chain starts at " + after.startSeq());
    assertIntact();

    // the first record kept is covered: deleting it is found at the new start
    Map<String, Object> firstKept =
        jdbc.queryForMap("SELECT * FROM cf_audit_event WHERE chain_seq = ?", after.startSeq());
    jdbc.update("DELETE FROM cf_audit_event WHERE chain_seq = ?", after.startSeq());
    try {
      Map<String, Object> broken = firstBroken();
      assertThat(broken).containsEntry("reason", "deleted");
      assertThat(number(broken, "chainSeq")).isEqualTo(after.startSeq());
    } finally {
      putBack(firstKept);
    }
    assertIntact();
  }

  @Test
  void afterAKeyRotationTheOldLinksStillVerify() {
    refusedRequests("rotation");
    chainer.chainAll();
    byte[] newKey = new byte[32];
    Arrays.fill(newKey, (byte) 42);
    SealKeys rotated = new SealKeys(newKey, List.of(currentKeyBytes()));
    assertThat(rotated.currentId()).isNotEqualTo(keys.currentId());
    UnknownSealKeys unknownThere =
        new UnknownSealKeys(rotated, List.of(), Clock.systemUTC(), event -> {});
    ChainVerdict v = new AuditChainVerifier(chain, rotated, unknownThere).verify();
    assertThat(v.ok()).as("%s", v).isTrue();
    assertThat(v.checked()).isPositive();
    assertThat(unknownThere.any()).isFalse();

    // a node given only the new key cannot tell: an unknown key, not tampering
    SealKeys onlyNew = new SealKeys(newKey, List.of());
    UnknownSealKeys unknownHere =
        new UnknownSealKeys(onlyNew, List.of(), Clock.systemUTC(), event -> {});
    ChainVerdict blind = new AuditChainVerifier(chain, onlyNew, unknownHere).verify();
    assertThat(blind.ok()).isFalse();
    assertThat(blind.firstBroken().reason()).isEqualTo(ChainBreak.Reason.UNKNOWN_KEY);
    assertThat(blind.firstBroken().keyId()).isEqualTo(keys.currentId());
    assertThat(unknownHere.current())
        .extracting(UnknownSealKeys.Unknown::keyId)
        .containsExactly(keys.currentId());
  }

  /** The key this node seals with: configured (a cluster), or its own key file (a single node). */
  private byte[] currentKeyBytes() {
    String configured = environment.getProperty("civicflow.integrity.seal-key", "");
    try {
      String base64 =
          configured.isBlank()
              ? Files.readString(
                  Path.of(
                      environment.getRequiredProperty("civicflow.integrity.generated-key-file")))
              : configured;
      return Base64.getDecoder().decode(base64.strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
