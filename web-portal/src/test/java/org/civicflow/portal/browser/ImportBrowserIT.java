package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.portal.imports.ImportSamplesAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A registrar imports a spreadsheet in a real browser: opens the import page from the navigation,
 * uploads a small generated file, sees the preview with the row in error (nothing stored yet),
 * starts the import, watches the progress bar reach the end, and reads the result with the failed
 * row listed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserIT {

  static final Path SHOTS = Path.of("target", "browser-screenshots");

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();

  @LocalServerPort int port;
  @Autowired Proposals proposals;
  @Autowired SessionCatalog sessions;
  Browser browser;

  @BeforeAll
  void startBrowser() throws Exception {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    browser = new Browser("http://localhost:" + port);
    screenshots.watch(browser);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aRegistrarImportsAFileAndWatchesItsProgress() throws Exception {
    String prefix = "W" + (System.nanoTime() % 100_000_000L);
    List<String[]> rows = ImportSamplesAccess.rows(prefix, 40, 11);
    String missingNumber = rows.get(1)[1];
    rows.set(1, ImportSamplesAccess.with(rows.get(1), 1, "")); // row 3: no number
    Path file = Files.createTempFile("import-", ".xlsx");
    Files.write(file, ImportSamplesAccess.xlsx(rows));

    browser.signIn("registrar");
    browser.find("a.nav-imports").click();
    assertThat(browser.text("h1")).isEqualTo("批量导入建议提案");
    assertAccessible("upload page");
    browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
    browser.find("form.upload-form button[type=submit]").click();

    // the preview: every row checked, the one without a number shown in error, nothing stored
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".preview-summary")));
    browser.screenshot(SHOTS.resolve("import-preview.png"));
    assertAccessible("preview");
    assertThat(browser.text(".preview-summary"))
        .contains("共 40 行")
        .contains("39 行可以导入")
        .contains("1 行有误");
    WebElement invalid = browser.find("table.preview-table tr.row-invalid");
    assertThat(invalid.findElement(By.cssSelector("th")).getText()).isEqualTo("3");
    assertThat(invalid.getText()).contains("编号: 必填");
    assertThat(browser.text("table.error-table tbody")).contains("3").contains("编号: 必填");
    long session = sessions.findByName("市九届人大一次会议").orElseThrow().id();
    assertThat(proposals.findByNumber(session, rows.get(0)[1])).isEmpty();

    browser.find("button.start-import").click();

    // the progress bar moves by itself (the island polls) and the page turns into the result
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("progress.import-bar")));
    browser.screenshot(SHOTS.resolve("import-progress.png"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-result")));
    browser.screenshot(SHOTS.resolve("import-result.png"));
    assertAccessible("result");
    WebElement bar = browser.find("progress.import-bar");
    assertThat(bar.getDomAttribute("value")).isEqualTo("40");
    assertThat(bar.getDomAttribute("max")).isEqualTo("40");
    assertThat(browser.text(".progress-text")).contains("已处理 40 / 40 行");
    assertThat(browser.text(".job-status")).isEqualTo("已完成");
    assertThat(browser.text(".count-imported")).isEqualTo("39");
    assertThat(browser.text(".count-failed")).isEqualTo("1");
    assertThat(browser.text(".import-result table.error-table")).contains("3").contains("编号: 必填");
    assertThat(proposals.findByNumber(session, rows.get(0)[1])).isPresent();
    assertThat(proposals.findByNumber(session, missingNumber)).isEmpty();

    // the import is listed on the import page
    browser.find("a.nav-imports").click();
    assertThat(browser.text("table.recent-imports")).contains(file.getFileName().toString());
    Files.deleteIfExists(file);
  }

  /** No serious or critical finding of axe-core on the page shown (when the build installed it). */
  private void assertAccessible(String page) throws java.io.IOException {
    Path axe = Path.of("node_modules/axe-core/axe.min.js");
    if (!Files.exists(axe)) {
      return;
    }
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    js.executeScript(Files.readString(axe));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
                    + "v => ({id: v.id, impact: v.impact, help: v.help,"
                    + " nodes: v.nodes.map(n => n.target.join(' ')).join(' | ')}))));");
    assertThat(violations)
        .as("%s: %s", page, violations)
        .noneMatch(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")));
  }
}
