package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A task is completed (by a colleague, or on another node) while someone reads the proposal: the
 * read lists the task, and by the time it asks for the task's department the task is gone. The
 * detail still answers, without that task — not a 500 (found by TwoNodeClusterIT).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class VanishingTaskIT {

  @Autowired TestRestTemplate http;
  @MockitoSpyBean TaskService tasks;

  @Test
  @SuppressWarnings("unchecked")
  void aTaskCompletedWhileTheProposalIsReadIsLeftOut() {
    ApiClient api = new ApiClient(http);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("session", "市九届人大一次会议");
    body.put("number", "V" + System.nanoTime() % 1_000_000);
    body.put("type", "SUGGESTION");
    body.put("title", "关于规范共享单车停放的建议");
    body.put("content", "共享单车乱停乱放,影响通行。建议划定停放区域。");
    body.put("proposer", "金淼");
    body.put("delegation", "昌图县");
    body.put("submittedAt", "2021-12-29");
    long id =
        ((Number) api.ok(api.post("registrar", "/api/v1/proposals", body)).get("id")).longValue();
    String taskId = api.tasks("registrar", id, "reviewAcceptance").get(0).get("id").toString();

    AtomicBoolean once = new AtomicBoolean();
    doAnswer(
            call -> {
              if (taskId.equals(call.getArgument(0))
                  && "department".equals(call.getArgument(1))
                  && once.compareAndSet(false, true)) {
                // between the task list and this read, the task is completed and committed
                ResponseEntity<Map<String, Object>> done =
                    CompletableFuture.supplyAsync(
                            () ->
                                api.post(
                                    "registrar",
                                    "/api/v1/tasks/" + taskId + "/complete",
                                    Map.of("decision", "ACCEPT")))
                        .join();
                assertThat(done.getStatusCode().value()).isEqualTo(204);
              }
              return call.callRealMethod();
            })
        .when(tasks)
        .getVariable(anyString(), anyString());

    ResponseEntity<Map<String, Object>> detail = api.get("registrar", "/api/v1/proposals/" + id);

    assertThat(once).as("the task vanished during the read").isTrue();
    assertThat(detail.getStatusCode().value()).as("%s", detail.getBody()).isEqualTo(200);
    assertThat((List<Map<String, Object>>) detail.getBody().get("activeTasks"))
        .noneSatisfy(t -> assertThat(t).containsEntry("id", taskId));
  }
}
