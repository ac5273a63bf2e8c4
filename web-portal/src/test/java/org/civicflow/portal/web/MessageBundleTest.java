package org.civicflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicflow.domain.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * Every text shown to people exists in Chinese and in English: the two bundles have the same keys,
 * and every key used by a template or raised by the domain is in them.
 */
class MessageBundleTest {

  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

  /** Calls that take a message key; field names never contain a dot, message keys always do. */
  private static final Pattern KEY_CALL =
      Pattern.compile(
          "(?:ConflictException|ForbiddenException|ValidationException\\.of|super|\\.add|\\.check"
              + "|simple|errors\\.of)\\(([^;]*);");

  private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z]*\\.[\\w.]+)\"");

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The bundles of spring.messages.basename in application.yml. */
  static List<String> basenames() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^\\s*basename:\\s*(\\S+)\\s*$")
            .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
    assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
    return List.of(m.group(1).split(","));
  }

  private static Properties read(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageBundleTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** All bundles of one language merged; "messages.properties" means Chinese, "_en" English. */
  private static Properties load(String name) throws IOException {
    String suffix = name.substring("messages".length());
    Properties all = new Properties();
    for (String base : basenames()) {
      Properties one = read(base + suffix);
      for (String key : one.stringPropertyNames()) {
        assertThat(all.containsKey(key)).as(key + " is defined in two bundles").isFalse();
      }
      all.putAll(one);
    }
    return all;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    for (String base : basenames()) {
      Set<String> zh = new TreeSet<>(read(base + ".properties").stringPropertyNames());
      Set<String> en = new TreeSet<>(read(base + "_en.properties").stringPropertyNames());
      assertThat(en).as("keys missing in " + base + "_en").containsAll(zh);
      assertThat(zh).as("keys missing in " + base).containsAll(en);
    }
    load("messages.properties")
        .forEach((k, v) -> assertThat(v.toString()).as("empty text for " + k).isNotBlank());
    load("messages_en.properties")
        .forEach((k, v) -> assertThat(v.toString()).as("empty text for " + k).isNotBlank());
  }

  @Test
  void everyKeyUsedByATemplateExists() throws IOException {
    Set<String> keys = load("messages.properties").stringPropertyNames();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = TEMPLATE_KEY.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(keys).as("template keys missing from the bundle").containsAll(used);
    for (Role role : Role.values()) {
      assertThat(keys).contains("role." + role.name());
    }
  }

  @Test
  void everyMessageKeyRaisedByTheCodeExists() throws IOException {
    Set<String> keys = load("messages.properties").stringPropertyNames();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files =
        Stream.of("../domain", "../workflow-engine", ".")
            .map(m -> Path.of(m, "src/main/java"))
            .flatMap(MessageBundleTest::walk)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher call = KEY_CALL.matcher(Files.readString(f));
        while (call.find()) {
          Matcher literal = KEY_LITERAL.matcher(call.group(1));
          while (literal.find()) {
            used.add(literal.group(1));
          }
        }
      }
    }
    assertThat(used).contains("validation.required", "proposal.duplicateNumber");
    assertThat(keys).as("domain message keys missing from the bundle").containsAll(used);
  }

  /** Keys that templates build from values: task names, statuses, choices, audit actions. */
  @Test
  void everyValueShownByTheTemplatesHasATextInBothLanguages() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (var k : org.civicflow.engine.task.TaskKey.values()) {
      expected.add("task." + k.name());
    }
    for (var s : org.civicflow.domain.proposal.ProposalStatus.values()) {
      expected.add("status." + s.name());
    }
    for (var t : org.civicflow.domain.proposal.ProposalType.values()) {
      expected.add("type." + t.name());
    }
    for (var d : org.civicflow.domain.reply.DraftState.values()) {
      expected.add("draftState." + d.name());
    }
    for (var st : org.civicflow.domain.reply.ReviewStage.values()) {
      expected.add("stage." + st.name());
    }
    for (var v : org.civicflow.domain.reply.Verdict.values()) {
      expected.add("verdict." + v.name());
    }
    for (var c : List.of("A", "B", "C", "D")) {
      expected.add("words.category." + c); // the history's words; labels are configuration (V20)
    }
    for (var c : org.civicflow.domain.reply.ContactMethod.values()) {
      expected.add("choice.contactMethod." + c.name());
    }
    for (var c : org.civicflow.domain.reply.Disclosure.values()) {
      expected.add("choice.disclosure." + c.name());
    }
    for (var r : org.civicflow.domain.feedback.Rating.values()) {
      expected.add("choice.rating." + r.name());
    }
    for (var ps : org.civicflow.domain.publication.PublicationState.values()) {
      expected.add("publicationState." + ps.name());
    }
    for (var k : org.civicflow.domain.notification.NotificationKind.values()) {
      expected.add("noticeKind." + k.name());
      expected.add("noticeText." + k.name());
      for (String part : List.of("subject", "body", "sms")) {
        expected.add("notice." + k.name() + "." + part);
      }
    }
    for (var ar : org.civicflow.domain.assignment.AssignmentRole.values()) {
      expected.add("assignmentRole." + ar.name());
    }
    for (var as : org.civicflow.domain.assignment.AssignmentState.values()) {
      expected.add("assignmentState." + as.name());
    }
    Pattern action =
        Pattern.compile("(?:record|recordDenied)\\(\\s*[^,]+,\\s*\"([a-z][a-zA-Z]*\\.[a-zA-Z]+)\"");
    try (Stream<Path> files =
        Stream.of("../domain", "../workflow-engine")
            .map(m -> Path.of(m, "src/main/java"))
            .flatMap(MessageBundleTest::walk)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = action.matcher(Files.readString(f));
        while (m.find()) {
          expected.add("audit." + m.group(1));
        }
      }
    }
    assertThat(expected).anyMatch(k -> k.startsWith("audit.draft."));
    assertThat(load("messages.properties").stringPropertyNames()).containsAll(expected);
    assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(expected);
  }

  /**
   * Problems and results of the modeling services, and a label for every delegate a model may call.
   */
  @Test
  void everyModelingMessageAndDelegateHasATextInBothLanguages() throws IOException {
    Set<String> expected = new TreeSet<>();
    Pattern literal = Pattern.compile("\"((?:model|migration)\\.[a-zA-Z]+)\"");
    Pattern delegate =
        Pattern.compile(
            "class (\\w+Delegate) implements (?:org\\.camunda\\.bpm\\.engine\\.delegate\\.)?JavaDelegate");
    try (Stream<Path> files = walk(Path.of("../workflow-engine/src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(f);
        if (f.toString().contains("/modeling/")) {
          Matcher m = literal.matcher(source);
          while (m.find()) {
            expected.add(m.group(1));
          }
        }
        Matcher d = delegate.matcher(source);
        while (d.find()) {
          String bean = Character.toLowerCase(d.group(1).charAt(0)) + d.group(1).substring(1);
          expected.add("delegate." + bean);
        }
      }
    }
    assertThat(expected)
        .contains("model.scriptTask", "migration.done", "delegate.sendReplyDelegate");
    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      Set<String> keys = load(bundle).stringPropertyNames();
      // audit actions (model.deploy) are shown through their audit.* text
      assertThat(expected)
          .as(bundle)
          .allMatch(k -> keys.contains(k) || keys.contains("audit." + k), "has a text");
    }
  }
}
