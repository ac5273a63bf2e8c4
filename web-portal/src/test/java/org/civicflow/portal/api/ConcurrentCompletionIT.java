package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two people complete one task at the same moment: exactly one wins (204), the other is told it was
 * done (409) — never a 500, never a duplicate row.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ConcurrentCompletionIT {

  static final int PAIRS = 8;

  @Autowired TestRestTemplate http;
  @Autowired UserManagement userManagement;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void colleagues() {
    api = new ApiClient(http);
    if (users.find("registrar2").isEmpty()) {
      userManagement.create(
          new NewUser(
              "registrar2",
              "第二交办员",
              ApiClient.PASSWORD,
              null,
              EnumSet.of(Role.REGISTRAR),
              null,
              null,
              null),
          true);
    }
    if (users.find("scjg.handler2").isEmpty()) {
      userManagement.create(
          new NewUser(
              "scjg.handler2",
              "第二承办人",
              ApiClient.PASSWORD,
              "SCJG",
              EnumSet.of(Role.HANDLER),
              null,
              null,
              null),
          true);
    }
  }

  private long register() {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("session", "市九届人大一次会议");
    body.put("number", "C" + System.nanoTime() % 100_000_000);
    body.put("type", "SUGGESTION");
    body.put("title", "关于加强农贸市场食品安全监管的建议");
    body.put("content", "建议加强农贸市场食品安全抽检。");
    body.put("proposer", "金淼");
    body.put("submittedAt", "2021-12-29");
    return ((Number) api.ok(api.post("registrar", "/api/v1/proposals", body)).get("id"))
        .longValue();
  }

  /** Both users complete the same task with the same body at once; returns the two statuses. */
  private List<Integer> race(String userA, String userB, String taskId, Map<String, Object> body)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (String user : List.of(userA, userB)) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.post(user, "/api/v1/tasks/" + taskId + "/complete", body)
                      .getStatusCode()
                      .value();
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoRegistrarsAcceptingOneProposal() throws Exception {
    for (int i = 0; i < PAIRS; i++) {
      long id = register();
      String taskId = (String) api.tasks("registrar", id, "reviewAcceptance").get(0).get("id");
      List<Integer> statuses =
          race("registrar", "registrar2", taskId, Map.of("decision", "ACCEPT"));
      assertThat(statuses).as("pair %d", i).containsExactlyInAnyOrder(204, 409);
      assertThat(api.proposal("registrar", id)).containsEntry("status", "ASSIGNING");
      assertThat(api.tasks("registrar", id, "assignDepartments")).hasSize(1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM cf_audit_event WHERE object_id = ?"
                      + " AND action = 'proposal.accept'",
                  Integer.class,
                  String.valueOf(id)))
          .isEqualTo(1);
    }
  }

  @Test
  void twoHandlersSubmittingOneDraft() throws Exception {
    Map<String, Object> draft =
        Map.of(
            "replyText", "答复正文", "category", "A", "contactMethod", "NONE", "disclosure", "PUBLIC");
    for (int i = 0; i < PAIRS; i++) {
      long id = register();
      api.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
      api.complete("registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "SCJG"));
      api.complete("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
      String taskId = (String) api.tasks("scjg.handler", id, "draftReply").get(0).get("id");
      List<Integer> statuses = race("scjg.handler", "scjg.handler2", taskId, draft);
      assertThat(statuses).as("pair %d", i).containsExactlyInAnyOrder(204, 409);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM cf_reply_draft WHERE proposal_id = ?", Integer.class, id))
          .as("one draft version")
          .isEqualTo(1);
      assertThat(api.tasks("scjg.reviewer", id, "reviewDraft")).hasSize(1);
    }
  }

  @Test
  void theLoserIsToldWhoDidIt() {
    long id = register();
    String taskId = (String) api.tasks("registrar", id, "reviewAcceptance").get(0).get("id");
    api.post("registrar2", "/api/v1/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT"));
    var late =
        api.post(
            "registrar", "/api/v1/tasks/" + taskId + "/complete", Map.of("decision", "ACCEPT"));
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody()).containsEntry("error", "conflict");
    assertThat((String) late.getBody().get("message")).contains("registrar2");
  }
}
