package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.civicflow.domain.setting.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Separation of duties over the API: one account holding every role of a department gets a 403 that
 * names the rule when it tries to review (or claim the review of) its own draft, and its inbox does
 * not offer that step; an admin switches the rule off for a small office (audited) and on again.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class SeparationOfDutiesApiIT {

  static final String MULTI = "jyj.multi";
  static final String SWITCH = "/api/v1/admin/settings/separation-of-duties";

  @Autowired TestRestTemplate http;
  @Autowired UserManagement userManagement;
  @Autowired UserDirectory users;
  @Autowired AuditLog audit;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(http);
    if (users.find(MULTI).isEmpty()) {
      userManagement.create(
          new NewUser(
              MULTI,
              "一人多岗",
              ApiClient.PASSWORD,
              "JYJ",
              EnumSet.of(Role.HANDLER, Role.REVIEWER, Role.LEADER),
              null,
              null,
              null),
          true);
    }
  }

  @AfterEach
  void onAgain() {
    api.ok(api.put("admin", SWITCH, Map.of("enabled", true)));
  }

  private long draftedByTheOneAccount() {
    long id = new ProposalFixture(api).assigned("D", "关于职责分离的建议", "建议内容。", "JYJ");
    api.complete(MULTI, id, "signFor", Map.of("decision", "ACCEPT"));
    api.complete(
        MULTI,
        id,
        "draftReply",
        Map.of(
            "replyText", "金淼代表:答复。",
            "category", "A",
            "contactMethod", "NONE",
            "disclosure", "PUBLIC"));
    return id;
  }

  @Test
  void theAuthorIsRefusedWithTheRuleAndIsNotOfferedTheReview() {
    long id = draftedByTheOneAccount();
    assertThat(api.tasks(MULTI, id, "reviewDraft")).as("not in the author's inbox").isEmpty();
    List<Map<String, Object>> offered = api.tasks("jyj.reviewer", id, "reviewDraft");
    assertThat(offered).hasSize(1);
    String review = (String) offered.get(0).get("id");

    for (String action : List.of("/claim", "/complete")) {
      ResponseEntity<Map<String, Object>> refused =
          api.post(MULTI, "/api/v1/tasks/" + review + action, Map.of("decision", "APPROVE"));
      assertThat(refused.getStatusCode().value()).as(action).isEqualTo(403);
      assertThat(refused.getBody())
          .containsEntry("status", 403)
          .containsEntry("error", "separation_of_duties")
          .containsEntry("message", "职责分离:拟稿人不能审核或签发自己起草的稿件(第1稿)。");
    }
    assertThat(api.tasks("jyj.reviewer", id, "reviewDraft")).as("still open").hasSize(1);
  }

  @Test
  void anAdminSwitchesTheRuleOffForASmallOfficeAndTheChangeIsAudited() {
    assertThat(api.ok(api.get("admin", SWITCH))).containsEntry("enabled", true);
    assertThat(api.put("admin", SWITCH, Map.of()).getStatusCode().value()).isEqualTo(400);
    assertThat(api.put("admin", SWITCH, Map.of("enabled", "no")).getBody())
        .extractingByKey("fields")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKey("enabled");
    assertThat(api.put(MULTI, SWITCH, Map.of("enabled", false)).getStatusCode().value())
        .isEqualTo(403);

    Map<String, Object> off = api.ok(api.put("admin", SWITCH, Map.of("enabled", false)));
    assertThat(off).containsEntry("enabled", false).containsEntry("updatedBy", "admin");
    long id = draftedByTheOneAccount();
    api.complete(MULTI, id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete(MULTI, id, "signOff", Map.of("decision", "APPROVE"));

    assertThat(api.ok(api.put("admin", SWITCH, Map.of("enabled", true))))
        .containsEntry("enabled", true);
    assertThat(audit.forObject("setting", Settings.SEPARATION_OF_DUTIES))
        .extracting(AuditEvent::actor, AuditEvent::action, AuditEvent::detail)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple("admin", "setting.change", "true → false"),
            org.assertj.core.groups.Tuple.tuple("admin", "setting.change", "false → true"));
  }
}
