package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records of a transaction are written when it commits, in the order they were made, and never
 * when it rolls back; a refusal is written at once and survives the rollback, after what the
 * transaction recorded before it.
 */
@MybatisTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // each test commits or rolls back itself
@Import({AuditLog.class, AuditLogTest.Clocks.class})
class AuditLogTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired AuditLog audit;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aCommittedTransactionsRecordsAreWrittenInOrderAtTheCommit() {
    String object = "commit-" + System.nanoTime();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(
        s -> {
          // more records than one statement takes
          IntStream.range(0, AuditLog.ROWS_PER_STATEMENT * 2 + 3)
              .forEach(i -> audit.record("clerk", "step." + i, "test", object, null));
        });
    assertThat(audit.forObject("test", object))
        .extracting(AuditEvent::action)
        .containsExactlyElementsOf(
            IntStream.range(0, AuditLog.ROWS_PER_STATEMENT * 2 + 3)
                .mapToObj(i -> "step." + i)
                .toList());
  }

  @Test
  void aRolledBackTransactionLeavesNoRecordButItsRefusalStays() {
    String object = "rollback-" + System.nanoTime();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      audit.record("clerk", "tried", "test", object, null);
                      // the transaction sees its own records before they are written
                      assertThat(audit.forObject("test", object)).hasSize(1);
                      audit.recordDenied("clerk", "refused", "test", object, null);
                      audit.record("clerk", "after", "test", object, null);
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");
    assertThat(audit.forObject("test", object))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("refused");
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
            });
  }

  @Test
  void aRefusalComesAfterWhatTheTransactionRecordedBefore() {
    String object = "order-" + System.nanoTime();
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s -> {
              audit.record("clerk", "first", "test", object, null);
              audit.recordDenied("clerk", "second", "test", object, null);
              audit.record("clerk", "third", "test", object, null);
            });
    assertThat(audit.forObject("test", object))
        .extracting(AuditEvent::action)
        .containsExactly("first", "second", "third");
  }

  @Test
  void summariesKeepTheirTimeAndAddressAreCutToTheColumnsAndAreAlwaysRefusals() {
    String object = "summary-" + System.nanoTime();
    java.time.Instant minute = java.time.Instant.parse("2026-12-01T10:15:00Z");
    audit.recordDeniedSummaries(
        IntStream.range(0, AuditLog.ROWS_PER_STATEMENT + 2)
            .mapToObj(
                i ->
                    new AuditEvent(
                        null,
                        minute,
                        "anonymous",
                        "http.summary." + i,
                        "test",
                        object,
                        AuditLog.OK,
                        "x".repeat(5000),
                        "203.0.113." + i))
            .toList());
    assertThat(audit.forObject("test", object))
        .hasSize(AuditLog.ROWS_PER_STATEMENT + 2)
        .allSatisfy(
            e -> {
              assertThat(e.occurredAt()).isEqualTo(minute);
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.detail()).hasSize(4000);
              assertThat(e.remoteAddress()).startsWith("203.0.113.");
            });
  }

  @Test
  void aSuccessIsRecordedOnlyInsideATransaction() {
    assertThatThrownBy(() -> audit.record("clerk", "loose", "test", "x", null))
        .isInstanceOf(IllegalTransactionStateException.class);
  }
}
