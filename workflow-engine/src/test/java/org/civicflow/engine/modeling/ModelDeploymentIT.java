package org.civicflow.engine.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.PublicationState;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.reply.DraftDecision;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.SeparationOfDutiesException;
import org.civicflow.engine.EngineFixtures;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.InboxRow;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.processes.HandlingVariables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An admin changes the department's handling — a second leader approval after the sign-off — sees
 * the impact on a running instance, deploys the new version, migrates the instance, and the new
 * step then appears and works — for another leader than the one who signed first (separation of
 * duties: nobody approves one version twice). A hostile model deploys nothing.
 */
@SpringBootTest
class ModelDeploymentIT {

  @Autowired EngineFixtures fixtures;
  @Autowired ProposalIntake intake;
  @Autowired Inbox inbox;
  @Autowired TaskWork work;
  @Autowired ModelImpact impact;
  @Autowired ModelDeployments deployments;
  @Autowired ModelMigrations migrations;
  @Autowired ModelCatalog catalog;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ReplyDrafting drafting;
  @Autowired Publications publications;
  @Autowired JdbcTemplate jdbc;

  Caller registrar;
  Caller handler;
  Caller reviewer;
  Caller leader;
  Caller principal;

  private String task(Caller who, long proposalId, String key) {
    List<InboxRow> rows =
        inbox.page(who, new InboxFilter(null, null, null, proposalId, 0, 50)).items();
    return rows.stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(key + " not in the inbox of " + who.username() + ": " + rows))
        .id();
  }

  private long proposalAtDrafting(String number) {
    long id = intake.register(EngineFixtures.proposal(number, "模型迁移测试"), registrar).getId();
    work.complete(task(registrar, id, "reviewAcceptance"), Map.of("decision", "ACCEPT"), registrar);
    work.complete(
        task(registrar, id, "assignDepartments"),
        Map.of("mode", "LEAD_CO", "lead", "MDL", "co", List.of()),
        registrar);
    work.complete(task(handler, id, "signFor"), Map.of("decision", "ACCEPT"), handler);
    return id;
  }

  private void draftAndReview(long id, String text) {
    work.complete(
        task(handler, id, "draftReply"),
        Map.of(
            "replyText", text,
            "category", "B",
            "contactMethod", "PHONE",
            "contactNote", "电话联系代表",
            "disclosure", "PUBLIC",
            "commitments",
                List.of(Map.of("text", "开展专项检查", "dueDate", "2099-12-31", "measure", "检查结果公布"))),
        handler);
    work.complete(task(reviewer, id, "reviewDraft"), Map.of("decision", "APPROVE"), reviewer);
  }

  private String departmentInstance(long id) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("departmentHandling")
        .variableValueEquals(HandlingVariables.PROPOSAL_ID, id)
        .singleResult()
        .getId();
  }

  @Test
  void hostileModelsDeployNothing() {
    long deploymentsBefore = repository.createDeploymentQuery().count();
    Integer rowsBefore =
        jdbc.queryForObject("SELECT COUNT(*) FROM cf_model_deployment", Integer.class);
    for (String hostile :
        List.of(
            HostileModels.SCRIPT_TASK,
            HostileModels.SCRIPT_LISTENER,
            HostileModels.XXE,
            HostileModels.BILLION_LAUGHS,
            HostileModels.UNKNOWN_DELEGATE)) {
      assertThatThrownBy(() -> deployments.deploy(HostileModels.bpmn(hostile), "试试", "admin"))
          .isInstanceOfSatisfying(
              ModelRejectedException.class, e -> assertThat(e.report().problems()).isNotEmpty());
    }
    assertThatThrownBy(
            () -> deployments.deploy(HostileModels.huge(20 * 1024 * 1024), null, "admin"))
        .isInstanceOf(ModelRejectedException.class);
    assertThatThrownBy(
            () ->
                deployments.deploy(
                    new ModelFile("x.bpmn", "not a model".getBytes(StandardCharsets.UTF_8)),
                    null,
                    "admin"))
        .isInstanceOf(ModelRejectedException.class);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hostile").count())
        .isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_model_deployment", Integer.class))
        .isEqualTo(rowsBefore);
  }

  @Test
  void aSecondLeaderApprovalIsDeployedAndRunningInstancesMoveToIt() {
    fixtures.session();
    fixtures.department("MDL", "模型测试局");
    registrar = fixtures.user("mdl.registrar", null, Role.REGISTRAR);
    handler = fixtures.user("mdl.handler", "MDL", Role.HANDLER);
    reviewer = fixtures.user("mdl.reviewer", "MDL", Role.REVIEWER);
    leader = fixtures.user("mdl.leader", "MDL", Role.LEADER);
    principal = fixtures.user("mdl.principal", "MDL", Role.LEADER);
    long id = proposalAtDrafting("M" + System.nanoTime() % 100_000);
    String instance = departmentInstance(id);
    String oldDefinition =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getProcessDefinitionId();

    String current = catalog.xml(oldDefinition);
    ModelFile edited =
        new ModelFile(
            "departmentHandling.bpmn",
            HostileModels.withSecondSignOff(current).getBytes(StandardCharsets.UTF_8));

    ModelImpact.Report dryRun = impact.of(edited);
    assertThat(dryRun.problems()).isEmpty();
    assertThat(dryRun.currentDefinitionId()).isEqualTo(oldDefinition);
    assertThat(dryRun.nextVersion()).isEqualTo(dryRun.currentVersion() + 1);
    assertThat(dryRun.instances())
        .filteredOn(i -> i.processInstanceId().equals(instance))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.proposalId()).isEqualTo(id);
              assertThat(i.department()).isEqualTo("MDL");
              assertThat(i.activities())
                  .extracting(ModelImpact.Position::activityId, ModelImpact.Position::existsInNew)
                  .contains(org.assertj.core.groups.Tuple.tuple("draftReply", true));
            });
    assertThat(dryRun.mapping())
        .extracting(ModelImpact.Mapping::source, ModelImpact.Mapping::target)
        .contains(org.assertj.core.groups.Tuple.tuple("draftReply", "draftReply"));

    ModelDeployments.Deployed deployed = deployments.deploy(edited, "增加主要领导签发", "admin");
    assertThat(deployed.version()).isEqualTo(dryRun.nextVersion());
    assertThat(catalog.version(deployed.definitionId()))
        .satisfies(
            v -> {
              assertThat(v.deployedBy()).isEqualTo("admin");
              assertThat(v.comment()).isEqualTo("增加主要领导签发");
            });
    assertThat(catalog.version(oldDefinition).runningInstances()).isPositive();

    List<ModelMigrations.Result> results =
        migrations.migrate(
            new ModelMigrations.Request(
                oldDefinition,
                deployed.definitionId(),
                List.of(instance, "no-such-instance"),
                null),
            "admin");
    assertThat(results)
        .extracting(ModelMigrations.Result::processInstanceId, ModelMigrations.Result::migrated)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(instance, true),
            org.assertj.core.groups.Tuple.tuple("no-such-instance", false));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(deployed.definitionId());

    // the new step: the second leader returns once, then approves the next version of the draft;
    // the leader who signed first cannot approve it a second time (separation of duties)
    draftAndReview(id, "关于建议的答复(第一稿)。");
    work.complete(task(leader, id, "signOff"), Map.of("decision", "APPROVE"), leader);
    assertThat(inbox.page(leader, new InboxFilter(null, null, null, id, 0, 50)).items())
        .as("not offered to the leader who signed first")
        .isEmpty();
    String second = task(principal, id, "signOff");
    assertThatThrownBy(() -> work.claim(second, leader))
        .isInstanceOfSatisfying(
            SeparationOfDutiesException.class,
            e -> assertThat(e.messageKey()).isEqualTo("sod.twice"));
    assertThatThrownBy(() -> work.complete(second, Map.of("decision", "APPROVE"), leader))
        .isInstanceOf(SeparationOfDutiesException.class);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    work.complete(second, Map.of("decision", "RETURN", "comment", "请补充办理措施"), principal);
    assertThat(publications.of(id))
        .extracting(Publication::getState)
        .containsExactly(PublicationState.VOIDED);

    draftAndReview(id, "关于建议的答复(第二稿),补充了办理措施。");
    work.complete(task(leader, id, "signOff"), Map.of("decision", "APPROVE"), leader);
    work.complete(
        task(principal, id, "signOff"), Map.of("decision", "APPROVE", "comment", "同意"), principal);
    assertThat(publications.of(id))
        .extracting(Publication::getState)
        .containsExactly(PublicationState.VOIDED, PublicationState.SIGNED);
    assertThat(drafting.latest(id, "MDL").getDecisions())
        .filteredOn(d -> d.stage() == ReviewStage.SIGN_OFF)
        .extracting(DraftDecision::step)
        .containsExactly("signOff", "secondSignOff");
  }
}
