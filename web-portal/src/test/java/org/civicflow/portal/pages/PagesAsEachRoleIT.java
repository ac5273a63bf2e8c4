package org.civicflow.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicflow.portal.OwnDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Every page of the public site and the portal, as each demo person sees it (a member of the
 * public, the deputy, the market regulator's handler, reviewer and leader, the registrar, the
 * administrator): valid HTML by the Nu HTML Checker, and no word of the engine in what a person
 * reads ({@link CodeWords}). The pages are kept under {@code target/page-walk/<person>/} with an
 * index of their addresses.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesAsEachRoleIT {

  /**
   * Its own database with the demo data only, as a city's users see it: the shared test database
   * also holds what other suites typed on purpose (hostile titles, edited models), which is not the
   * pages' wording.
   */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    OwnDatabase.register(registry, "pagewalk");
  }

  static final List<String> PEOPLE =
      java.util.Arrays.asList(
          null,
          "deputy.jinmiao",
          "scjg.handler",
          "scjg.reviewer",
          "scjg.leader",
          "registrar",
          "admin");
  static final Path SAVED = Path.of("target", "page-walk");

  @LocalServerPort int port;
  final List<PageWalk.Seen> pages = new ArrayList<>();
  final Map<Path, PageWalk.Seen> files = new HashMap<>();

  @BeforeAll
  void walk() throws Exception {
    FileSystemUtils.deleteRecursively(SAVED);
    for (String who : PEOPLE) {
      List<PageWalk.Seen> seen = PageWalk.as(port, who);
      Path folder = SAVED.resolve(who == null ? "anonymous" : who);
      Files.createDirectories(folder);
      StringBuilder index = new StringBuilder();
      for (int i = 0; i < seen.size(); i++) {
        Path file = folder.resolve(i + ".html");
        Files.writeString(file, seen.get(i).html(), StandardCharsets.UTF_8);
        files.put(file.toAbsolutePath().normalize(), seen.get(i));
        index.append(i).append(".html ").append(seen.get(i).path()).append('\n');
      }
      Files.writeString(folder.resolve("index.txt"), index, StandardCharsets.UTF_8);
      pages.addAll(seen);
    }
  }

  @Test
  void theWalkReachesThePagesOfEachPerson() {
    Map<String, List<String>> paths =
        pages.stream()
            .collect(
                Collectors.groupingBy(
                    PageWalk.Seen::who,
                    Collectors.mapping(PageWalk.Seen::path, Collectors.toList())));
    assertThat(paths.get("anonymous"))
        .contains("/")
        .anyMatch(p -> p.startsWith("/public/replies/"));
    assertThat(paths.get("deputy.jinmiao")).contains("/portal/mine", "/portal/notices");
    assertThat(paths.get("scjg.leader")).contains("/portal/department");
    assertThat(paths.get("scjg.handler")).anyMatch(p -> p.startsWith("/portal/tasks/"));
    assertThat(paths.get("registrar"))
        .contains("/portal/stats")
        .anyMatch(p -> p.startsWith("/portal/proposals/"));
    assertThat(paths.get("admin")).contains("/admin/models", "/admin/users");
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    assumeTrue(NuHtmlChecker.available(), "vnu-jar is not installed (npm ci did not run)");
    List<String> errors =
        NuHtmlChecker.errorsIn(SAVED).stream()
            .map(
                e -> {
                  PageWalk.Seen page = files.get(e.file().toAbsolutePath().normalize());
                  String where =
                      page == null ? e.file().toString() : page.who() + " " + page.path();
                  return where + ":" + e.line() + ": " + e.message() + "\n    " + e.extract();
                })
            .toList();
    assertThat(errors).as("%d pages checked", pages.size()).isEmpty();
  }

  @Test
  void noPageShowsACodeWord() {
    List<String> found = new ArrayList<>();
    for (PageWalk.Seen page : pages) {
      for (String word : CodeWords.in(page.html())) {
        found.add(page.who() + " " + page.path() + ": " + word);
      }
    }
    assertThat(found).as("%d pages read", pages.size()).isEmpty();
  }
}
