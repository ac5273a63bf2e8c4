package org.civicflow.domain.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.junit.jupiter.api.BeforeEach;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tests of the audit chain, on H2 and (named {@code *DatabaseTest}) on MariaDB. Each test runs in a
 * transaction that is rolled back, and starts from an empty log and the anchor as the migration
 * makes it; the chainer's and the purge's batches join that transaction. Tampering is done as an
 * intruder would: with SQL.
 */
@MybatisTest
@Import({
  AuditChainer.class,
  AuditAnchor.class,
  AuditChainVerifier.class,
  AuditChainPurge.class,
  AuditRetention.class,
  AuditVerification.class,
  AuditLog.class,
  AuditChainSeals.class,
  UnknownSealKeys.class,
  AuditChainTestBase.Clocks.class
})
abstract class AuditChainTestBase {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired AuditMapper events;
  @Autowired AuditEntrySeal entries;
  @Autowired AuditChainMapper chain;
  @Autowired AuditChainer chainer;
  @Autowired AuditChainVerifier verifier;
  @Autowired UnknownSealKeys unknownKeys;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void startFromAnEmptyLog() {
    jdbc.update("DELETE FROM cf_audit_event");
    jdbc.update("DELETE FROM cf_audit_verification");
    jdbc.update(
        "UPDATE cf_audit_chain SET start_seq = 1, start_link = NULL, head_seq = 0,"
            + " head_link = NULL, legacy_max_id = 0, seal = NULL, seal_key_id = NULL");
  }

  /** Writes a record as the application does (sealed); returns its id. */
  long record(String action, Duration age) {
    events.insert(
        entries.seal(
            new AuditEvent(
                null,
                NOW.minus(age),
                "clerk",
                action,
                "test",
                action,
                AuditLog.OK,
                "detail of " + action,
                "10.0.0.1")));
    return jdbc.queryForObject("SELECT MAX(id) FROM cf_audit_event", Long.class);
  }

  long record(String action) {
    return record(action, Duration.ZERO);
  }

  /** Inserts a record behind the application's back: no entry seal; returns its id. */
  long insertWithSql(String action) {
    jdbc.update(
        "INSERT INTO cf_audit_event (occurred_at, actor, action, object_type, object_id, result)"
            + " VALUES (?, 'intruder', ?, 'test', 'x', 'OK')",
        java.sql.Timestamp.from(NOW),
        action);
    return jdbc.queryForObject("SELECT MAX(id) FROM cf_audit_event", Long.class);
  }

  Long seqOf(long id) {
    return jdbc.queryForObject("SELECT chain_seq FROM cf_audit_event WHERE id = ?", Long.class, id);
  }

  long idAt(long seq) {
    return jdbc.queryForObject(
        "SELECT id FROM cf_audit_event WHERE chain_seq = ?", Long.class, seq);
  }
}
