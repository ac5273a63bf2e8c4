package org.civicflow.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.civicflow.engine.deployment.BuiltInRevision.State;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelDeployments;
import org.civicflow.engine.modeling.ModelFile;
import org.civicflow.engine.modeling.ModelVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Releases of built-in models played on one database, the way nodes start during upgrades: two
 * releases read from test folders ({@code builtin-releases/release1/}, {@code release2/}) and two
 * more made from them. A model nobody edited follows the releases; a model an admin edited keeps
 * the admin's version and offers the new built-in one, which the admin deploys or declines; an
 * older node, a node started again and two nodes starting at once deploy nothing.
 */
@SpringBootTest
class BuiltInUpgradeIT {

  static final String RELEASE_1 = "classpath*:builtin-releases/release1/";
  static final String RELEASE_2 = "classpath*:builtin-releases/release2/";
  static final String PLAIN = "upgradeDemoA";
  static final String EDITED = "upgradeDemoB";

  @Autowired BuiltInVersions builtIns;
  @Autowired ModelDeployments deployments;
  @Autowired ModelCatalog catalog;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  private ProcessDefinition current(String key) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  private long deploymentCount() {
    return repository.createDeploymentQuery().count();
  }

  private String xml(ProcessDefinition d) {
    return catalog.xml(d.getId());
  }

  private static String text(BuiltInModel m) {
    return new String(m.content(), StandardCharsets.UTF_8);
  }

  private static BuiltInModel model(List<BuiltInModel> release, String key) {
    return release.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
  }

  /** A later release of a model: the next revision, with a step renamed. */
  private static BuiltInModel next(BuiltInModel m, int revision, String checkName) {
    String xml =
        text(m)
            .replace(
                "camunda:versionTag=\"" + m.revision() + "\"",
                "camunda:versionTag=\"" + revision + "\"")
            .replace("name=\"核对\"", "name=\"" + checkName + "\"");
    return BuiltInModel.of(m.resourceName(), xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theApplicationsOwnModelsCarryRevisionOneAndWereRecordedAtStart() {
    List<BuiltInModel> own = BuiltInModel.read("classpath*:");
    assertThat(own)
        .extracting(BuiltInModel::key)
        .containsExactlyInAnyOrder(
            "proposalHandling",
            "departmentHandling",
            "commitmentFollowUp",
            "preSessionCheck",
            "handlingDeadline",
            "leadDepartmentRouting");
    assertThat(own).allSatisfy(m -> assertThat(m.revision()).isPositive());
    assertThat(builtIns.upgrade(own))
        .containsOnlyKeys(own.stream().map(BuiltInModel::key).toList());
    assertThat(
            jdbc.queryForList(
                "SELECT model_key FROM cf_builtin_model WHERE state = 'DEPLOYED'", String.class))
        .contains(
            "proposalHandling",
            "departmentHandling",
            "commitmentFollowUp",
            "preSessionCheck",
            "handlingDeadline",
            "leadDepartmentRouting");
    assertThatThrownBy(
            () ->
                BuiltInModel.of(
                    "bpmn/x.bpmn",
                    text(own.get(0))
                        .replaceFirst(" camunda:versionTag=\"\\d+\"", "")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("camunda:versionTag");
  }

  @Test
  void releasesUpgradeBuiltInModelsAndOfferThemBesideAnAdminsVersion() throws Exception {
    List<BuiltInModel> release1 = BuiltInModel.read(RELEASE_1);
    List<BuiltInModel> release2 = BuiltInModel.read(RELEASE_2);
    assertThat(release1).extracting(BuiltInModel::revision).containsOnly(1);
    assertThat(release2).extracting(BuiltInModel::revision).containsOnly(2);

    // release 1 on a database without these models: both deployed
    assertThat(builtIns.upgrade(release1))
        .containsEntry(PLAIN, BuiltInOutcome.DEPLOYED)
        .containsEntry(EDITED, BuiltInOutcome.DEPLOYED);
    assertThat(current(PLAIN).getVersion()).isEqualTo(1);
    assertThat(current(PLAIN).getVersionTag()).isEqualTo("1");

    // (d) the same release started again deploys nothing
    long before = deploymentCount();
    assertThat(builtIns.upgrade(release1)).containsValues(BuiltInOutcome.KNOWN);
    assertThat(deploymentCount()).isEqualTo(before);

    // an admin deploys their own version of one model
    String own = xml(current(EDITED)).replace("name=\"登记\"", "name=\"登记（本市）\"");
    ModelDeployments.Deployed mine =
        deployments.deploy(
            new ModelFile("upgradeDemoB.bpmn", own.getBytes(StandardCharsets.UTF_8)),
            "本市的登记",
            "admin");
    assertThat(mine.version()).isEqualTo(2);

    // release 2, started on two nodes at once: one of them deploys, the other finds it done
    before = deploymentCount();
    List<Map<String, BuiltInOutcome>> starts = concurrently(release2, 2);
    assertThat(deploymentCount()).isEqualTo(before + 1);
    assertThat(starts)
        .extracting(s -> s.get(PLAIN))
        .containsExactlyInAnyOrder(BuiltInOutcome.DEPLOYED, BuiltInOutcome.KNOWN);
    assertThat(starts)
        .extracting(s -> s.get(EDITED))
        .containsExactlyInAnyOrder(BuiltInOutcome.PENDING, BuiltInOutcome.KNOWN);

    // (a) the model nobody edited is release 2's now
    assertThat(current(PLAIN).getVersion()).isEqualTo(2);
    assertThat(xml(current(PLAIN))).isEqualTo(text(model(release2, PLAIN)));
    assertThat(catalog.version(current(PLAIN).getId()))
        .extracting(ModelVersion::deployedBy, ModelVersion::builtInRevision)
        .containsExactly(null, 2);

    // (b) the edited one stays the admin's; release 2's file waits for the admin
    assertThat(current(EDITED).getId()).isEqualTo(mine.definitionId());
    BuiltInRevision pending = builtIns.pending(EDITED).orElseThrow();
    assertThat(pending.revision()).isEqualTo(2);
    assertThat(pending.state()).isEqualTo(State.PENDING);
    assertThat(builtIns.pending(PLAIN)).isEmpty();
    assertThat(new String(builtIns.content(EDITED, 2), StandardCharsets.UTF_8))
        .isEqualTo(text(model(release2, EDITED)));

    // (c) a node of release 1 started after release 2 leaves both alone; release 2 again too
    before = deploymentCount();
    assertThat(builtIns.upgrade(release1)).containsValues(BuiltInOutcome.OLDER);
    assertThat(builtIns.upgrade(release2)).containsValues(BuiltInOutcome.KNOWN);
    assertThat(deploymentCount()).isEqualTo(before);
    assertThat(current(PLAIN).getVersion()).isEqualTo(2);
    assertThat(current(EDITED).getId()).isEqualTo(mine.definitionId());
    assertThat(builtIns.pending(EDITED)).isPresent();

    // keep mine: the notice ends, with who decided; a second decision is refused
    builtIns.keep(EDITED, 2, "admin");
    assertThat(builtIns.pending(EDITED)).isEmpty();
    assertThat(
            jdbc.queryForMap(
                "SELECT state, decided_by FROM cf_builtin_model WHERE model_key = ? AND revision ="
                    + " 2",
                EDITED))
        .containsEntry("STATE", "KEPT")
        .containsEntry("DECIDED_BY", "admin");
    assertThatThrownBy(() -> builtIns.deploy(EDITED, 2, null, "admin"))
        .isInstanceOf(org.civicflow.domain.common.NotFoundException.class);
    assertThat(current(EDITED).getId()).isEqualTo(mine.definitionId());

    // release 3: a later revision is offered again; the admin deploys it as version n+1
    BuiltInModel edited3 = next(model(release2, EDITED), 3, "核对材料");
    BuiltInModel plain3 = next(model(release2, PLAIN), 3, "核对材料");
    assertThat(builtIns.upgrade(List.of(plain3, edited3)))
        .containsEntry(PLAIN, BuiltInOutcome.DEPLOYED)
        .containsEntry(EDITED, BuiltInOutcome.PENDING);
    assertThat(builtIns.pending(EDITED).orElseThrow().revision()).isEqualTo(3);
    ModelDeployments.Deployed adopted = builtIns.deploy(EDITED, 3, "采用内置版本", "admin");
    assertThat(adopted.version()).isEqualTo(mine.version() + 1);
    assertThat(current(EDITED).getId()).isEqualTo(adopted.definitionId());
    assertThat(xml(current(EDITED))).isEqualTo(text(edited3));
    assertThat(catalog.version(adopted.definitionId()))
        .extracting(ModelVersion::deployedBy, ModelVersion::comment, ModelVersion::builtInRevision)
        .containsExactly("admin", "采用内置版本", 3);
    assertThat(builtIns.pending(EDITED)).isEmpty();
    assertThatThrownBy(() -> builtIns.keep(EDITED, 3, "admin"))
        .isInstanceOf(org.civicflow.domain.common.NotFoundException.class);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM cf_audit_event WHERE action = 'model.builtIn.deploy' AND"
                    + " object_id = ?",
                Integer.class,
                EDITED))
        .isOne();

    // release 4: the adopted built-in version is a built-in one, so it simply upgrades again
    assertThat(builtIns.upgrade(List.of(next(edited3, 4, "核对全部材料"))))
        .containsEntry(EDITED, BuiltInOutcome.DEPLOYED);
    assertThat(current(EDITED).getVersion()).isEqualTo(adopted.version() + 1);
    assertThat(current(EDITED).getVersionTag()).isEqualTo("4");
  }

  @Test
  void aModelDeployedBeforeRevisionsExistedIsThatRevisionWithoutANewVersion() {
    String key = "upgradeDemoL";
    BuiltInModel tagged =
        BuiltInModel.of(
            "bpmn/" + key + ".bpmn",
            text(model(BuiltInModel.read(RELEASE_1), PLAIN))
                .replace(PLAIN, key)
                .getBytes(StandardCharsets.UTF_8));
    String untagged = text(tagged).replace(" camunda:versionTag=\"1\"", "");
    repository
        .createDeployment()
        .name(BuiltInUpgrade.DEPLOYMENT_NAME)
        .source(BuiltInUpgrade.SOURCE)
        .addString(tagged.resourceName(), untagged)
        .deploy();
    assertThat(builtIns.upgrade(List.of(tagged))).containsEntry(key, BuiltInOutcome.KNOWN);
    assertThat(current(key).getVersion()).isEqualTo(1);
    assertThat(catalog.version(current(key).getId()).builtInRevision()).isEqualTo(1);
  }

  private List<Map<String, BuiltInOutcome>> concurrently(List<BuiltInModel> release, int nodes)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Callable<Map<String, BuiltInOutcome>>> starts = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        starts.add(() -> builtIns.upgrade(release));
      }
      List<Map<String, BuiltInOutcome>> outcomes = new ArrayList<>();
      for (Future<Map<String, BuiltInOutcome>> f : pool.invokeAll(starts)) {
        outcomes.add(f.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
