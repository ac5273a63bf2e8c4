package org.civicflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageBundleTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
    Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
    assertThat(en).as("keys missing in English").containsAll(zh);
    assertThat(zh).as("keys missing in Chinese").containsAll(en);
    load("messages.properties")
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
}
