package org.civicflow.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientPreparedStatementsTest {

  @Test
  void pagedAndCountingSelectsReadManyRows() {
    assertThat(ClientPreparedStatements.readsManyRows("\n  SELECT a FROM t ORDER BY a LIMIT ?"))
        .isTrue();
    assertThat(ClientPreparedStatements.readsManyRows("SELECT COUNT(*) FROM t WHERE a = ?"))
        .isTrue();
  }

  @Test
  void readsByKeyAndWritesDoNot() {
    assertThat(ClientPreparedStatements.readsManyRows("SELECT a FROM t WHERE id = ?")).isFalse();
    assertThat(ClientPreparedStatements.readsManyRows("UPDATE t SET a = ? LIMIT 1")).isFalse();
    assertThat(ClientPreparedStatements.readsManyRows("INSERT INTO t (a) SELECT COUNT(*) FROM u"))
        .isFalse();
  }
}
