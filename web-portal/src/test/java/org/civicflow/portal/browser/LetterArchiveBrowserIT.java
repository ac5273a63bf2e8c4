package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A registrar downloads a department's letters of the session as one ZIP in a real browser, with
 * the keyboard only: opens the page from the navigation, chooses the department, starts, watches
 * the progress bar fill by itself (the island polls) and finds the download link once done. Both
 * pages are checked with axe-core.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterArchiveBrowserIT {

  static final Path SHOTS = Path.of("target", "browser-screenshots");

  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Test
  void aRegistrarStartsTheZipWithTheKeyboardAndWatchesItsProgress(Browser browser)
      throws Exception {
    browser.signIn("registrar");
    browser.find("a.nav-letter-archives").click();
    assertThat(browser.text("h1")).isEqualTo("答复函打包下载");
    browser.assertAccessible("start page");

    // the demo session, named: another suite may have made a later session current
    WebElement session = browser.find("#archive-session");
    session.sendKeys("市九届人大一次会议");
    assertThat(new Select(session).getFirstSelectedOption().getText()).isEqualTo("市九届人大一次会议");
    WebElement department = browser.find("#archive-department");
    department.sendKeys("市场监督管理局");
    assertThat(department.getDomProperty("value")).isEqualTo("SCJG");
    department.sendKeys(Keys.TAB);
    WebElement start = browser.driver.switchTo().activeElement();
    assertThat(start.getText()).isEqualTo("开始打包");
    ((JavascriptExecutor) browser.driver).executeScript("window.__cfOldPage = true;");
    start.sendKeys(Keys.ENTER);

    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("progress.import-bar")));
    browser.screenshot(SHOTS.resolve("letter-archive-progress.png"));
    assertThat(browser.text(".facts")).contains("市九届人大一次会议").contains("市场监督管理局");
    new WebDriverWait(browser.driver, Duration.ofSeconds(180))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.download-zip")));
    browser.screenshot(SHOTS.resolve("letter-archive-done.png"));
    browser.assertAccessible("done page");
    WebElement bar = browser.find("progress.import-bar");
    assertThat(bar.getDomAttribute("value")).isEqualTo(bar.getDomAttribute("max"));
    assertThat(browser.text(".job-status")).isEqualTo("已完成");
    assertThat(browser.text(".progress-text")).contains("（100%）").contains("其中 0 件未能生成");
    assertThat(browser.find("a.download-zip").getDomAttribute("href")).endsWith("/file");
    assertThat(browser.console())
        .as("nothing refused by the page policy")
        .noneMatch(m -> m.contains("Refused"));

    browser.find("a.nav-letter-archives").click();
    assertThat(browser.text("table.recent-archives")).contains("市场监督管理局").contains("已完成");
  }
}
