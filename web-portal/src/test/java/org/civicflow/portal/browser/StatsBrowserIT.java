package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The statistics page in a real browser: the registrar follows the navigation link, picks the demo
 * session, and sees the headline figures, a drawn chart (canvas) for every breakdown with its table
 * under it, and no Content-Security-Policy violation.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsBrowserIT {

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();

  @LocalServerPort int port;
  Browser browser;

  @BeforeAll
  void startBrowser() throws Exception {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    browser = new Browser("http://localhost:" + port);
    screenshots.watch(browser);
    // record CSP violations from the first script on every page (not subject to the page's CSP)
    ((ChromeDriver) browser.driver)
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of(
                "source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation',"
                    + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theRegistrarSeesChartsAndTablesOfASession() {
    browser.signIn("registrar");
    browser.find("a.nav-stats").click();
    new Select(browser.find("#stats-session")).selectByVisibleText("市九届人大一次会议");
    browser.clickAndAwaitNextPage("form.filters button[type=submit]");
    assertThat(browser.text(".summary")).contains("市九届人大一次会议");

    new WebDriverWait(browser.driver, Duration.ofSeconds(15))
        .until(d -> d.findElements(By.cssSelector(".cf-chart canvas")).size() >= 6);
    List<Long> sizes =
        browser.all(".cf-chart canvas").stream()
            .map(c -> (long) c.getSize().getWidth() * c.getSize().getHeight())
            .toList();
    assertThat(sizes).as("every chart is drawn with a size").allMatch(s -> s > 10_000);
    browser.screenshot(PortalBrowserIT.SHOTS.resolve("stats.png"));

    assertThat(Long.parseLong(browser.text("#fig-total"))).isPositive();
    assertThat(browser.text("#fig-overdue")).matches("\\d+");
    assertThat(browser.all("#t-status tbody tr")).hasSize(11);
    assertThat(browser.text("#t-departments")).contains("市场监督管理局");
    assertThat(browser.all(".cf-chart[role=img]"))
        .allSatisfy(c -> assertThat(c.getAttribute("aria-label")).contains("图表"));
    Object violations =
        ((JavascriptExecutor) browser.driver).executeScript("return window.__csp || [];");
    assertThat((List<?>) violations).as("CSP violations").isEmpty();
  }

  @Test
  void aDepartmentLeaderHasNoStatisticsLink() {
    browser.signIn("scjg.leader");
    assertThat(browser.all("a.nav-stats")).isEmpty();
  }
}
