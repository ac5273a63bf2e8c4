package org.civicflow.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Import jobs: staged with their file, queued, claimed once, counted by their owner only. */
@MybatisTest
@Import({ImportJobs.class, AuditLog.class, ImportJobMapperTest.Clocks.class})
class ImportJobMapperTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired ImportJobs jobs;
  @Autowired JdbcTemplate jdbc;

  private long staged(String hash) {
    return jobs.stage(
        new NewImport("a.xlsx", hash, "XLSX", null, 3, "registrar", new byte[] {1, 2, 3}));
  }

  @Test
  void aJobRunsOnceCountsItsRowsAndForgetsItsFileWhenDone() {
    String hash = "a".repeat(63) + System.nanoTime() % 10;
    long id = staged(hash);
    assertThat(jobs.get(id).status()).isEqualTo(ImportStatus.PREVIEWED);
    assertThat(jobs.content(id)).containsExactly(1, 2, 3);
    assertThat(jobs.activeWithHash(hash)).isEmpty();

    jobs.queue(id, "registrar");
    assertThatThrownBy(() -> jobs.queue(id, "registrar")).isInstanceOf(ConflictException.class);
    assertThat(jobs.activeWithHash(hash)).map(ImportJob::id).contains(id);

    ImportJob claimed = jobs.claimNext("runner-1").orElseThrow();
    assertThat(claimed.id()).isEqualTo(id);
    assertThat(claimed.status()).isEqualTo(ImportStatus.RUNNING);
    assertThat(jobs.claimNext("runner-2")).as("a running job is not taken twice").isEmpty();

    jobs.rowImported(id, "runner-1");
    jobs.rowRejected(
        id,
        "runner-1",
        List.of(
            new ImportRowError(
                3, ImportRowError.Kind.DUPLICATE, "number", "import.row.duplicate", "9")));
    jobs.rowRejected(
        id, "runner-1", List.of(ImportRowError.invalid(4, "title", "validation.required")));
    assertThatThrownBy(() -> jobs.rowImported(id, "runner-2"))
        .as("only the owner counts")
        .isInstanceOf(ConflictException.class);

    jobs.finish(id, "runner-1", ImportStatus.DONE, null);
    ImportJob done = jobs.get(id);
    assertThat(done.status()).isEqualTo(ImportStatus.DONE);
    assertThat(done.done()).isEqualTo(3);
    assertThat(done.imported()).isEqualTo(1);
    assertThat(done.skipped()).isEqualTo(1);
    assertThat(done.failed()).isEqualTo(1);
    assertThat(done.percent()).isEqualTo(100);
    assertThat(jobs.errors(id))
        .extracting(ImportRowError::row, ImportRowError::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, ImportRowError.Kind.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(4, ImportRowError.Kind.INVALID));
    assertThatThrownBy(() -> jobs.content(id)).hasMessageContaining("importFile");
    assertThat(jobs.recent(10)).extracting(ImportJob::id).contains(id);
  }

  @Test
  void aJobWhoseRunnerStoppedBeatingIsTakenOverAndTheOldRunnerIsRefused() {
    long id = staged("b".repeat(63) + System.nanoTime() % 10);
    jobs.queue(id, "registrar");
    jobs.claimNext("dead").orElseThrow();
    jdbc.update(
        "UPDATE cf_import_job SET heartbeat_at = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().minus(ImportJobs.STALE).minusSeconds(60)),
        id);

    ImportJob taken = jobs.claimNext("alive").orElseThrow();
    assertThat(taken.id()).isEqualTo(id);
    assertThat(taken.owner()).isEqualTo("alive");
    assertThatThrownBy(() -> jobs.rowImported(id, "dead")).isInstanceOf(ConflictException.class);
    jobs.rowImported(id, "alive");
    jobs.release(id, "alive");
    assertThat(jobs.get(id).status()).isEqualTo(ImportStatus.QUEUED);
  }

  @Test
  void previewsNeverStartedAreForgotten() {
    long id = staged("c".repeat(63) + System.nanoTime() % 10);
    jdbc.update(
        "UPDATE cf_import_job SET created_at = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(3 * 86_400)),
        id);
    assertThat(jobs.purgePreviews(java.time.Duration.ofDays(1))).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.queryForObject("SELECT COUNT(*) FROM cf_import_job WHERE id = ?", Long.class, id))
        .isZero();
  }
}
