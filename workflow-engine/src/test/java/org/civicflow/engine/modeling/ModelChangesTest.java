package org.civicflow.engine.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** What differs between two versions of a model, element by element. */
class ModelChangesTest {

  private static String read(String path) throws IOException {
    try (InputStream in = ModelChangesTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<ModelChanges.Change> between(String before, String after) {
    return ModelChanges.between(
        before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aNewStepARewiredFlowAndARenamedStepAreListedTheLayoutIsNot() throws IOException {
    String one = read("/builtin-releases/release1/bpmn/upgradeDemoA.bpmn");
    String two = read("/builtin-releases/release2/bpmn/upgradeDemoA.bpmn");
    assertThat(between(one, one)).isEmpty();
    assertThat(
            between(
                one,
                one.replace("x=\"240\"", "x=\"250\"").replace(" camunda:versionTag=\"1\"", "")))
        .as("layout and the process's own attributes")
        .isEmpty();
    assertThat(between(one.replace("name=\"登记\"", "name=\"登记（本市）\""), two))
        .extracting(ModelChanges.Change::id, ModelChanges.Change::name, ModelChanges.Change::kind)
        .containsExactlyInAnyOrder(
            Tuple.tuple("register", "登记", ModelChanges.Kind.CHANGED),
            Tuple.tuple("check", "核对", ModelChanges.Kind.ADDED),
            Tuple.tuple("Flow_3", null, ModelChanges.Kind.ADDED),
            Tuple.tuple("Flow_2", null, ModelChanges.Kind.CHANGED),
            Tuple.tuple("end", "结束", ModelChanges.Kind.CHANGED));
    assertThat(between(two, one))
        .filteredOn(c -> c.kind() == ModelChanges.Kind.REMOVED)
        .extracting(ModelChanges.Change::id, ModelChanges.Change::type)
        .containsExactlyInAnyOrder(
            Tuple.tuple("check", "task"), Tuple.tuple("Flow_3", "sequenceFlow"));
  }

  @Test
  void aChangedRuleOfADecisionTableIsNamedByItsDescription() throws IOException {
    String table = read("/dmn/handlingDeadline.dmn");
    assertThat(between(table, table.replace("<text>6</text>", "<text>7</text>")))
        .extracting(
            ModelChanges.Change::id,
            ModelChanges.Change::type,
            ModelChanges.Change::name,
            ModelChanges.Change::kind)
        .containsExactly(
            Tuple.tuple("ruleComplex", "rule", "复杂事项：6 个月", ModelChanges.Kind.CHANGED));
    assertThat(between(table, table.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"")))
        .extracting(ModelChanges.Change::id)
        .containsExactly("handlingDeadlineTable");
    assertThat(between("not a model", table))
        .as("a file that cannot be read compares as empty")
        .isNotEmpty()
        .allMatch(c -> c.kind() == ModelChanges.Kind.ADDED);
  }
}
