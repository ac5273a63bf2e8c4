package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;

@MybatisTest
class IntegrityFailureMapperTest {

  @Autowired IntegrityFailureMapper failures;

  @Test
  void openFailuresUntilResolved() {
    failures.insert(900_001L, Instant.parse("2026-11-29T01:00:00Z"), "seal mismatch");
    failures.insert(900_002L, Instant.parse("2026-11-29T02:00:00Z"), "seal mismatch");

    assertThat(failures.openPublicationIds()).contains(900_001L, 900_002L);
    assertThat(failures.findOpen())
        .extracting(IntegrityFailure::publicationId)
        .containsSubsequence(900_002L, 900_001L);

    assertThat(failures.resolve(900_001L, Instant.now(), "admin")).isEqualTo(1);
    assertThat(failures.openPublicationIds()).doesNotContain(900_001L).contains(900_002L);
    assertThat(failures.resolve(900_001L, Instant.now(), "admin")).as("resolved once").isZero();
  }
}
