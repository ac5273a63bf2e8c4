package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Many people at the same moment: eight complete one task, eight claim one task (one winner, 409
 * for the rest, one domain row), co-handling departments and the lead work their parallel branches
 * at once (the branches join once), two registrars upload the same file at once (one job, no
 * duplicate proposals), and a proposer withdraws while the registrar accepts (one consistent end).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIT {

  static final int THREADS = 8;
  static final String SESSION = "市九届人大一次会议";

  @Autowired TestRestTemplate http;
  @Autowired UserManagement userManagement;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeAll
  void colleagues() {
    for (int i = 2; i <= THREADS; i++) {
      account("registrar" + i, null, Role.REGISTRAR);
      account("scjg.handler" + i, "SCJG", Role.HANDLER);
    }
  }

  private void account(String username, String department, Role role) {
    if (users.find(username).isEmpty()) {
      userManagement.create(
          new NewUser(
              username,
              username,
              ApiClient.PASSWORD,
              department,
              EnumSet.of(role),
              null,
              null,
              null),
          true);
    }
  }

  @BeforeEach
  void client() {
    api = new ApiClient(http);
  }

  private static String user(String base, int i) {
    return i == 1 ? base : base + i;
  }

  private long register(String proposer) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", SESSION);
    body.put("number", "Q" + System.nanoTime() % 100_000_000);
    body.put("type", "SUGGESTION");
    body.put("title", "关于并发办理的建议");
    body.put("content", "建议内容。");
    body.put("proposer", "金淼");
    body.put("proposerUsername", proposer);
    body.put("submittedAt", "2021-12-29");
    return ((Number) api.ok(api.post("registrar", "/api/v1/proposals", body)).get("id"))
        .longValue();
  }

  /** Runs the calls at the same moment (a barrier) and returns their results in order. */
  private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private int post(String user, String path, Object body) {
    return api.post(user, path, body).getStatusCode().value();
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  @Test
  void eightRegistrarsCompleteOneTaskOneWins() throws Exception {
    long id = register("deputy.jinmiao");
    String task = (String) api.tasks("registrar", id, "reviewAcceptance").get(0).get("id");
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 1; i <= THREADS; i++) {
      String who = user("registrar", i);
      calls.add(
          () -> post(who, "/api/v1/tasks/" + task + "/complete", Map.of("decision", "ACCEPT")));
    }
    List<Integer> statuses = atOnce(calls);
    assertThat(statuses).as("%s", statuses).containsOnly(204, 409);
    assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
    assertThat(api.proposal("registrar", id)).containsEntry("status", "ASSIGNING");
    assertThat(api.tasks("registrar", id, "assignDepartments")).hasSize(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM cf_audit_event WHERE object_id = ? AND action ="
                    + " 'proposal.accept'",
                String.valueOf(id)))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM cf_audit_event WHERE object_id = ? AND action ="
                    + " 'task.complete' AND result = 'OK'",
                String.valueOf(id)))
        .isEqualTo(1);
  }

  @Test
  void eightHandlersClaimOneTaskOneWins() throws Exception {
    long id = register("deputy.jinmiao");
    api.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    api.complete("registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "SCJG"));
    String task = (String) api.tasks("scjg.handler", id, "signFor").get(0).get("id");
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 1; i <= THREADS; i++) {
      String who = user("scjg.handler", i);
      calls.add(() -> post(who, "/api/v1/tasks/" + task + "/claim", null));
    }
    List<Integer> statuses = atOnce(calls);
    assertThat(statuses).as("%s", statuses).containsOnly(204, 409);
    assertThat(statuses.stream().filter(s -> s == 204)).hasSize(1);
    String winner = user("scjg.handler", statuses.indexOf(204) + 1);
    assertThat(
            jdbc.queryForObject(
                "SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task))
        .isEqualTo(winner);
    assertThat(
            count(
                "SELECT COUNT(*) FROM cf_audit_event WHERE object_id = ? AND action = 'task.claim'",
                String.valueOf(id)))
        .isEqualTo(1);
    // the others cannot complete it: 409 naming the holder
    var late =
        api.post(
            user("scjg.handler", winner.equals("scjg.handler") ? 2 : 1),
            "/api/v1/tasks/" + task + "/complete",
            Map.of("decision", "ACCEPT"));
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat((String) late.getBody().get("message")).contains(winner);
    // a handler of another department learns nothing about it, not even who holds it
    var stranger = api.post("gaj.handler", "/api/v1/tasks/" + task + "/claim", null);
    assertThat(stranger.getStatusCode().value()).isEqualTo(403);
    assertThat(String.valueOf(stranger.getBody())).doesNotContain(winner);
  }

  /**
   * The lead and three co-handling departments sign for at once, then the three opinions and the
   * lead's draft arrive at once: every one is recorded once, the branches join once and the draft
   * reaches review exactly once.
   */
  @Test
  void parallelBranchesJoinOnce() throws Exception {
    long id = register("deputy.jinmiao");
    List<String> co = List.of("WXB", "SWJ", "GAJ");
    api.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    api.complete(
        "registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", co));
    List<String> departments = List.of("scjg", "wxb", "swj", "gaj");
    List<Callable<Integer>> signing = new ArrayList<>();
    for (String d : departments) {
      String who = d + ".handler";
      String task = (String) api.tasks(who, id, "signFor").get(0).get("id");
      signing.add(
          () -> post(who, "/api/v1/tasks/" + task + "/complete", Map.of("decision", "ACCEPT")));
    }
    assertThat(atOnce(signing)).containsOnly(204);
    List<Callable<Integer>> work = new ArrayList<>();
    for (String d : departments.subList(1, 4)) {
      String who = d + ".handler";
      String task = (String) api.tasks(who, id, "coHandlingOpinion").get(0).get("id");
      work.add(
          () -> post(who, "/api/v1/tasks/" + task + "/complete", Map.of("opinion", d + " 的协办意见")));
    }
    String draft = (String) api.tasks("scjg.handler", id, "draftReply").get(0).get("id");
    work.add(
        () ->
            post(
                "scjg.handler",
                "/api/v1/tasks/" + draft + "/complete",
                Map.of(
                    "replyText",
                    "答复正文",
                    "category",
                    "A",
                    "contactMethod",
                    "NONE",
                    "disclosure",
                    "PUBLIC")));
    assertThat(atOnce(work)).containsOnly(204);
    assertThat(count("SELECT COUNT(*) FROM cf_co_opinion WHERE proposal_id = ?", id))
        .as("one opinion per co-handling department")
        .isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM cf_reply_draft WHERE proposal_id = ?", id)).isEqualTo(1);
    assertThat(api.tasks("scjg.reviewer", id, "reviewDraft")).as("reaches review once").hasSize(1);
    assertThat(api.proposal("registrar", id)).containsEntry("status", "IN_REVIEW");
  }

  /** Two registrars upload the same file at the same moment: one import runs, nothing twice. */
  @Test
  @SuppressWarnings("unchecked")
  void twoUploadsOfTheSameFileMakeOneJob() throws Exception {
    String prefix = "U" + System.nanoTime() % 1_000_000;
    StringBuilder csv =
        new StringBuilder("session,number,type,title,content,proposer,submittedAt\n");
    for (int i = 1; i <= 5; i++) {
      csv.append(SESSION)
          .append(',')
          .append(prefix)
          .append('-')
          .append(i)
          .append(",SUGGESTION,关于同时导入的建议,内容,金淼,2021-12-29\n");
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    List<Callable<Map<String, Object>>> calls = new ArrayList<>();
    for (String who : List.of("registrar", "registrar2")) {
      calls.add(() -> upload(who, file));
    }
    List<Map<String, Object>> started = atOnce(calls);
    assertThat(started).allSatisfy(m -> assertThat(m).containsKey("id"));
    String hash =
        jdbc.queryForObject(
            "SELECT file_hash FROM cf_import_job WHERE id = ?",
            String.class,
            ((Number) started.get(0).get("id")).longValue());
    assertThat(
            count(
                "SELECT COUNT(*) FROM cf_import_job WHERE file_hash = ? AND status <> 'PREVIEWED'",
                hash))
        .as("one job started for the file: %s", started)
        .isEqualTo(1);
    assertThat(started.get(0).get("id")).isEqualTo(started.get(1).get("id"));
    long until = System.currentTimeMillis() + 120_000;
    Object status = null;
    while (System.currentTimeMillis() < until) {
      status =
          api.ok(api.get("registrar", "/api/v1/proposals/imports/" + started.get(0).get("id")))
              .get("status");
      if ("DONE".equals(status) || "FAILED".equals(status)) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(status).isEqualTo("DONE");
    assertThat(count("SELECT COUNT(*) FROM cf_proposal WHERE number LIKE ?", prefix + "-%"))
        .as("every row once")
        .isEqualTo(5);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> upload(String who, byte[] file) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(file) {
          @Override
          public String getFilename() {
            return "same.csv";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var r =
        http.withBasicAuth(who, ApiClient.PASSWORD)
            .exchange(
                "/api/v1/proposals/imports",
                HttpMethod.POST,
                new HttpEntity<>(parts, headers),
                Map.class);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(202);
    return r.getBody();
  }

  /**
   * The proposer withdraws while the registrar accepts, several times: whatever the order, no 500,
   * and the proposal ends consistent — withdrawn with no open task, or accepted with its one next
   * task and the withdrawal refused.
   */
  @Test
  void withdrawingWhileTheRegistrarAcceptsEndsConsistently() throws Exception {
    for (int round = 0; round < 4; round++) {
      long id = register("deputy.jinmiao");
      String task = (String) api.tasks("registrar", id, "reviewAcceptance").get(0).get("id");
      List<Integer> statuses =
          atOnce(
              List.of(
                  () ->
                      post(
                          "registrar",
                          "/api/v1/tasks/" + task + "/complete",
                          Map.of("decision", "ACCEPT")),
                  () ->
                      post(
                          "deputy.jinmiao",
                          "/api/v1/proposals/" + id + "/withdraw",
                          Map.of("reason", "已解决"))));
      assertThat(statuses).as("round %d: %s", round, statuses).allMatch(s -> s == 204 || s == 409);
      Map<String, Object> p = api.proposal("registrar", id);
      if (statuses.get(1) == 204) {
        assertThat(p).as("round %d", round).containsEntry("status", "WITHDRAWN");
        assertThat((List<?>) p.get("activeTasks")).isEmpty();
      } else {
        assertThat(p).as("round %d", round).containsEntry("status", "ASSIGNING");
        assertThat(api.tasks("registrar", id, "assignDepartments")).hasSize(1);
      }
    }
  }
}
