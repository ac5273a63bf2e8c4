package org.civicflow.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Nu HTML Checker of the npm package {@code vnu-jar} (installed by the build's {@code npm ci}),
 * run on a folder of saved pages in one JVM: its errors, each with the file, line and message.
 */
final class NuHtmlChecker {

  static final Path JAR = Path.of("node_modules", "vnu-jar", "build", "dist", "vnu.jar");

  /** One error of one file. */
  record Error(Path file, int line, String message, String extract) {}

  private NuHtmlChecker() {}

  static boolean available() {
    return Files.isRegularFile(JAR);
  }

  static List<Error> errorsIn(Path folder) throws IOException, InterruptedException {
    Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("vnu", ".json");
    Process p =
        new ProcessBuilder(
                javaCommand.toString(),
                "-Xss4m",
                "-jar",
                JAR.toString(),
                "--errors-only",
                "--exit-zero-always",
                "--format",
                "json",
                "--skip-non-html",
                folder.toString())
            .redirectError(out.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("the Nu HTML Checker did not finish");
    }
    JsonNode report = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    List<Error> errors = new ArrayList<>();
    for (JsonNode m : report.path("messages")) {
      if ("error".equals(m.path("type").asText()) || "fatal".equals(m.path("subType").asText())) {
        String url = m.path("url").asText();
        errors.add(
            new Error(
                Path.of(java.net.URI.create(url)),
                m.path("lastLine").asInt(),
                m.path("message").asText(),
                m.path("extract").asText()));
      }
    }
    return errors;
  }
}
