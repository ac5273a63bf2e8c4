package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * Every built-in model carries its revision ({@code camunda:versionTag}, a positive whole number),
 * and a changed model carries a new one. The workflow engine deploys a built-in model only when its
 * revision is higher than any the database knows (so that a node of an older release, started
 * during a rolling upgrade, leaves a newer release's model alone): a change without a new revision
 * would never reach a database that has the model already. {@code model-revisions.txt} lists the
 * SHA-256 of each model file per revision; this test says what to add when a model changes.
 */
class ModelRevisionsTest {

  record Recorded(String resource, int revision, String sha256) {}

  @Test
  void everyModelCarriesAWholeNumberRevision() throws Exception {
    for (Path file : ModelConventionsTest.modelFiles("bpmn", ".bpmn")) {
      for (Process p :
          Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
        then(p.getCamundaVersionTag()).as(file + ": camunda:versionTag").matches("[1-9]\\d{0,8}");
      }
    }
    for (Path file : ModelConventionsTest.modelFiles("dmn", ".dmn")) {
      List<String> tags =
          Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).stream()
              .map(Decision::getVersionTag)
              .distinct()
              .toList();
      then(tags).as(file + ": one camunda:versionTag for every decision").hasSize(1);
      then(tags.get(0)).as(file + ": camunda:versionTag").matches("[1-9]\\d{0,8}");
    }
  }

  @Test
  void aChangedModelHasANewRevision() throws Exception {
    List<Recorded> recorded = recorded();
    List<String> problems = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (String folder : List.of("bpmn", "dmn")) {
      for (Path file : ModelConventionsTest.modelFiles(folder, "." + folder)) {
        String resource = folder + "/" + file.getFileName();
        resources.add(resource);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int revision = revision(text);
        String sha = sha256(text);
        List<Recorded> mine = recorded.stream().filter(r -> r.resource().equals(resource)).toList();
        int highest = mine.stream().mapToInt(Recorded::revision).max().orElse(0);
        Recorded same =
            mine.stream().filter(r -> r.revision() == revision).findFirst().orElse(null);
        if (revision < highest) {
          problems.add(resource + ": revision " + revision + " is lower than " + highest);
        } else if (same == null) {
          problems.add(
              resource
                  + ": revision "
                  + revision
                  + " is not recorded; add `"
                  + line(resource, revision, sha)
                  + "`");
        } else if (!same.sha256().equals(sha)) {
          problems.add(
              resource
                  + " changed since revision "
                  + revision
                  + " was recorded: raise its camunda:versionTag to "
                  + (highest + 1)
                  + " and add `"
                  + line(resource, highest + 1, "<the SHA-256 this test then prints>")
                  + "` (keep the older lines)");
        }
      }
    }
    recorded.stream()
        .filter(r -> !resources.contains(r.resource()))
        .forEach(r -> problems.add(r.resource() + " is recorded but not a model"));
    then(problems).as("model-revisions.txt").isEmpty();
  }

  private static String line(String resource, int revision, String sha) {
    return resource + " " + revision + " " + sha;
  }

  private static int revision(String text) {
    var m = java.util.regex.Pattern.compile("camunda:versionTag=\"(\\d+)\"").matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Of the file with Windows line ends made plain, so that a checkout's settings do not count. */
  private static String sha256(String text) throws Exception {
    byte[] bytes = text.replace("\r", "").getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static List<Recorded> recorded() throws IOException {
    List<Recorded> out = new ArrayList<>();
    try (InputStream in = ModelRevisionsTest.class.getResourceAsStream("/model-revisions.txt")) {
      then(in).as("model-revisions.txt").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+");
        then(parts).as(l).hasSize(3);
        out.add(new Recorded(parts[0], Integer.parseInt(parts[1]), parts[2]));
      }
    }
    then(out.stream().map(r -> r.resource() + " " + r.revision()).distinct().count())
        .as("one line per model and revision")
        .isEqualTo(out.size());
    return out;
  }
}
