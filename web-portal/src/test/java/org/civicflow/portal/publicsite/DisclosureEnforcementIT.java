package org.civicflow.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.domain.publication.IntegrityGuard;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.TaskWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Publishing checks the signed disclosure itself: an administrator deploys a model (through the
 * validated path every admin uses) whose gateway sends replies that are not public straight to
 * publication — such a reply is still not published; the attempt is an incident on {@code
 * /admin/integrity}, the job is not retried, and the handling goes on to the proposer's rating.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class DisclosureEnforcementIT {

  private static final String KEY = "departmentHandling";

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntegrityGuard guard;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  private String currentModel() throws Exception {
    ProcessDefinition current =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(KEY)
            .latestVersion()
            .list()
            .get(0);
    try (var in = repository.getProcessModel(current.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ResponseEntity<String> deployAsAdmin(String xml, String comment) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return KEY + ".bpmn";
          }
        });
    parts.add("comment", comment);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("admin", "Demo@12345")
        .postForEntity("/api/v1/admin/deployments", new HttpEntity<>(parts, headers), String.class);
  }

  @Autowired org.civicflow.domain.identity.UserManagement accounts;

  @Test
  void aReplySignedAsNotPublicIsNeverPublishedWhateverTheModelRoutes() throws Exception {
    String proposer = ReplyPublishing.ownProposer(accounts, users, "deputy.disclosure");
    String original = currentModel();
    long failingJobsBefore = management.createJobQuery().withException().count();
    long incidentsBefore = runtime.createIncidentQuery().count();
    String routesEverythingToPublication =
        original
            .replace(
                "${disclosure == 'PUBLIC'}",
                "${disclosure == 'PUBLIC' || disclosure == 'NOT_PUBLIC'}")
            .replace("${disclosure == 'NOT_PUBLIC'}", "${disclosure == 'NONE'}");
    assertThat(routesEverythingToPublication).isNotEqualTo(original);
    assertThat(deployAsAdmin(routesEverythingToPublication, "公开网关改错").getStatusCode().value())
        .as("the validation lets such a model through: the check must be in publishing")
        .isEqualTo(201);
    try {
      ReplyPublishing replies = new ReplyPublishing(intake, work, inbox, users, management, jdbc);
      long proposalId =
          replies.sign(
              new NewProposal(
                  "市九届人大一次会议",
                  "D" + System.nanoTime() % 10_000_000,
                  ProposalType.SUGGESTION,
                  "关于涉及隐私事项的建议",
                  "建议内容",
                  "市场监管",
                  "金淼",
                  proposer,
                  List.of(),
                  "昌图县",
                  Instant.now().minusSeconds(60)),
              "金淼代表:涉及个人隐私,不予公开。",
              "NOT_PUBLIC");
      // the handling goes on past the refused publication to the proposer's rating
      replies.runJobsUntil(() -> replies.hasTask(proposer, proposalId, "giveFeedback"), proposalId);

      long publication =
          jdbc.queryForObject(
              "SELECT id FROM cf_publication WHERE proposal_id = ?", Long.class, proposalId);
      assertThat(
              jdbc.queryForObject(
                  "SELECT state FROM cf_publication WHERE id = ?", String.class, publication))
          .isEqualTo("SIGNED");
      assertThat(
              http.getForEntity("/public/replies/" + publication, String.class)
                  .getStatusCode()
                  .value())
          .isIn(404, 503);
      assertThat(guard.openFailures())
          .filteredOn(f -> f.publicationId() == publication)
          .singleElement()
          .satisfies(f -> assertThat(f.detail()).contains("not public"));
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM cf_audit_event WHERE action = 'publication.publishRefused'"
                      + " AND object_id = ?",
                  Integer.class,
                  String.valueOf(publication)))
          .isEqualTo(1);
      assertThat(management.createJobQuery().withException().count())
          .as("no job failing and retrying")
          .isEqualTo(failingJobsBefore);
      assertThat(runtime.createIncidentQuery().count())
          .as("no incident")
          .isEqualTo(incidentsBefore);
      assertThat(
              org.civicflow.portal.PortalSession.signIn(port, "admin", "Demo@12345")
                  .get("/admin/integrity")
                  .body())
          .contains("/public/replies/" + publication)
          .contains("not public");
    } finally {
      assertThat(deployAsAdmin(original, "恢复原公开网关").getStatusCode().value()).isEqualTo(201);
    }
  }
}
