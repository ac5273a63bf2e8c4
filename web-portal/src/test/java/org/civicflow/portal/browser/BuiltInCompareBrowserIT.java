package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.civicflow.engine.deployment.BuiltInModel;
import org.civicflow.engine.deployment.BuiltInOutcome;
import org.civicflow.engine.deployment.BuiltInVersions;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelDeployments;
import org.civicflow.engine.modeling.ModelFile;
import org.civicflow.portal.admin.BuiltInReleases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The comparison of an admin's version with a newer built-in one, in a real browser: from the
 * notice on the models page, both versions are drawn side by side (bpmn-js for a process, dmn-js's
 * decision table for a decision), the elements that differ marked, under the portal's
 * Content-Security-Policy.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltInCompareBrowserIT {

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();

  @LocalServerPort int port;
  @Autowired BuiltInVersions builtIns;
  @Autowired ModelDeployments deployments;
  @Autowired ModelCatalog catalog;
  Browser browser;

  @BeforeAll
  void startBrowser() throws Exception {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    browser = new Browser("http://localhost:" + port);
    screenshots.watch(browser);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Release 1 deployed, the admin's own version on top, release 2 waiting beside it. */
  private void pendingBesideTheAdmins(BuiltInModel release1, String own, BuiltInModel release2) {
    assertThat(builtIns.upgrade(List.of(release1)))
        .containsEntry(release1.key(), BuiltInOutcome.DEPLOYED);
    deployments.deploy(
        new ModelFile(
            release1.kind().resourceName(release1.key()), own.getBytes(StandardCharsets.UTF_8)),
        "管理员的版本",
        "admin");
    assertThat(builtIns.upgrade(List.of(release2)))
        .containsEntry(release2.key(), BuiltInOutcome.PENDING);
  }

  private String textOf(String css) {
    return (String)
        ((JavascriptExecutor) browser.driver)
            .executeScript("return document.querySelector(arguments[0]).textContent", css);
  }

  private void openFromTheNotice(String key) {
    browser.signIn("admin");
    browser.console();
    browser.open("/admin/models");
    assertThat(browser.text("#model-" + key + " .builtin-notice")).contains("有新的内置版本（修订 2）");
    browser.find("#model-" + key + " a.builtin-compare").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(d -> browser.all(".cf-compare-pane.cf-compare-ready").size() == 2);
  }

  @Test
  void aProcessIsDrawnTwiceSideBySideWithTheNewStepMarked() {
    String key = "browserUpgradeDemo";
    BuiltInModel r1 = BuiltInReleases.release(key, 1, null);
    String own =
        new String(r1.content(), StandardCharsets.UTF_8)
            .replace("name=\"登记\"", "name=\"登记（本市）\"")
            .replace(" camunda:versionTag=\"1\"", "");
    pendingBesideTheAdmins(r1, own, BuiltInReleases.release(key, 2, "核对材料"));

    openFromTheNotice(key);
    assertThat(browser.all(".cf-compare-mine g.djs-element[data-element-id=register]")).hasSize(1);
    assertThat(browser.all(".cf-compare-mine g.djs-element[data-element-id=check]")).isEmpty();
    assertThat(browser.all(".cf-compare-builtin g.djs-element.cf-added[data-element-id=check]"))
        .hasSize(1);
    assertThat(
            browser.all(".cf-compare-builtin g.djs-element.cf-changed[data-element-id=register]"))
        .hasSize(1);
    assertThat(textOf(".cf-compare-mine")).contains("登记（本市）");
    assertThat(textOf(".cf-compare-builtin")).contains("核对材料");
    assertThat(browser.text("table.cf-changes")).contains("核对材料 (check)");
    browser.screenshot(PortalBrowserIT.SHOTS.resolve("built-in-compare.png"));
    assertThat(browser.console())
        .noneMatch(m -> m.contains("Content Security Policy"))
        .noneMatch(m -> m.contains("Uncaught"));
  }

  @Test
  void aDecisionTableIsDrawnTwiceSideBySide() throws IOException {
    String key = "browserUpgradeDeadline";
    String table;
    try (InputStream in = getClass().getResourceAsStream("/dmn/handlingDeadline.dmn")) {
      table =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("handlingDeadline", key);
    }
    BuiltInModel r1 =
        BuiltInModel.of("dmn/" + key + ".dmn", table.getBytes(StandardCharsets.UTF_8));
    String own = table.replace("<text>6</text>", "<text>7</text>");
    String two =
        table
            .replace("camunda:versionTag=\"" + r1.revision() + "\"", "camunda:versionTag=\"2\"")
            .replace("<text>5</text>", "<text>4</text>");
    pendingBesideTheAdmins(
        r1, own, BuiltInModel.of(r1.resourceName(), two.getBytes(StandardCharsets.UTF_8)));

    openFromTheNotice(key);
    assertThat(textOf(".cf-compare-mine")).contains("复杂事项");
    assertThat(browser.find(".cf-compare-mine td[data-element-id=ruleComplexMonths]").getText())
        .isEqualTo("7");
    assertThat(browser.find(".cf-compare-builtin td[data-element-id=ruleComplexMonths]").getText())
        .isEqualTo("6");
    assertThat(browser.text("table.cf-changes"))
        .contains("ruleComplex")
        .contains("ruleSessionProposal");
  }
}
