package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.portal.imports.ImportSamplesAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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

  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Autowired Proposals proposals;
  @Autowired SessionCatalog sessions;

  @Test
  void aRegistrarImportsAFileAndWatchesItsProgress(Browser browser) throws Exception {
    String prefix = "W" + (System.nanoTime() % 100_000_000L);
    List<String[]> rows = ImportSamplesAccess.rows(prefix, 40, 11);
    String missingNumber = rows.get(1)[1];
    rows.set(1, ImportSamplesAccess.with(rows.get(1), 1, "")); // row 3: no number
    Path file = Files.createTempFile("import-", ".xlsx");
    Files.write(file, ImportSamplesAccess.xlsx(rows));

    browser.signIn("registrar");
    browser.find("a.nav-imports").click();
    assertThat(browser.text("h1")).isEqualTo("批量导入建议提案");
    browser.assertAccessible("upload page");
    browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
    browser.find("form.upload-form button[type=submit]").click();

    // the preview: every row checked, the one without a number shown in error, nothing stored
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".preview-summary")));
    browser.screenshot(SHOTS.resolve("import-preview.png"));
    browser.assertAccessible("preview");
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
    browser.assertAccessible("result");
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
}
