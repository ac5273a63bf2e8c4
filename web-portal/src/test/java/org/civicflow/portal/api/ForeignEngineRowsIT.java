package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A task whose execution row the engine did not write as it would — its cached entity state and
 * sequence counter missing, as rows loaded by hand had them (issue 22: the benchmark data made the
 * task page answer 500 on MariaDB) — is still read: the engine's wish to rewrite the row while
 * reading it is not carried out inside the read-only transaction of the task read (which MariaDB
 * refuses), and the task read, the task page and the proposal page answer 200.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ForeignEngineRowsIT {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void aTaskOnAnExecutionRowTheEngineWouldNotHaveWrittenIsReadWithoutWritingIt() {
    ApiClient api = new ApiClient(http);
    long id = new ProposalFixture(api).assigned("F", "关于规范校外培训收费的建议", "建议加强预收费监管。", "SCJG");
    String task = (String) api.tasks("scjg.handler", id, "signFor").get(0).get("id");
    String execution =
        jdbc.queryForObject(
            "SELECT EXECUTION_ID_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task);
    // what a row loaded by hand looked like: no cached entity state, no sequence counter
    jdbc.update(
        "UPDATE ACT_RU_EXECUTION SET CACHED_ENT_STATE_ = NULL, SEQUENCE_COUNTER_ = NULL"
            + " WHERE ID_ = ?",
        execution);
    int revision = revision(execution);

    Map<String, Object> read = api.ok(api.get("scjg.handler", "/api/v1/tasks/" + task));

    assertThat(read.get("key")).isEqualTo("signFor");
    assertThat(read.get("department")).isEqualTo("SCJG");
    assertThat(revision(execution))
        .as("the read-only task read wrote nothing (the engine wanted to rewrite the row)")
        .isEqualTo(revision);
    PortalSession handler = PortalSession.signIn(port, "scjg.handler", "Demo@12345");
    assertThat(handler.get("/portal/tasks/" + task).status()).isEqualTo(200);
    assertThat(handler.get("/portal/proposals/" + id).status()).isEqualTo(200);
    // completing the task still works (and writes the row as the engine does)
    api.complete("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    assertThat(api.tasks("scjg.handler", id, "draftReply")).hasSize(1);
  }

  private int revision(String execution) {
    return jdbc.queryForObject(
        "SELECT REV_ FROM ACT_RU_EXECUTION WHERE ID_ = ?", Integer.class, execution);
  }
}
