package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public page 验证答复函 in a real browser: a visitor uploads the letter of 911100 and reads that it
 * is genuine, of which department and number; a copy with one byte changed is not genuine; the page
 * passes the accessibility checker (axe-core) before and after an answer.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyBrowserIT {

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();
  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
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
  void aVisitorUploadsALetterAndReadsTheAnswer() throws Exception {
    long[] ids =
        jdbc.queryForObject(
            "SELECT proposal_id, id FROM cf_publication WHERE proposal_number = '911100'",
            (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
    byte[] pdf =
        http.withBasicAuth("scjg.handler", "Demo@12345")
            .getForEntity(
                "/api/v1/proposals/" + ids[0] + "/replies/" + ids[1] + "/letter.pdf", byte[].class)
            .getBody();
    Path genuine = Files.createTempFile("letter", ".pdf");
    Path changed = Files.createTempFile("changed", ".pdf");
    Files.write(genuine, pdf);
    byte[] other = pdf.clone();
    other[other.length / 3] ^= 0x01;
    Files.write(changed, other);
    try {
      browser.open("/verify");
      assertThat(browser.text("h1")).isEqualTo("验证答复函");
      assertAccessible("/verify");

      browser.find("#letter-file").sendKeys(genuine.toString());
      browser.find("form.verify-form button[type=submit]").click();
      assertThat(browser.text("#answer-heading")).contains("真实有效");
      assertThat(browser.text(".verify-answer .department")).isEqualTo("市场监督管理局");
      assertThat(browser.text(".verify-answer .number")).contains("〔2022〕");
      assertAccessible("/verify (answer)");

      browser.find("#letter-file").sendKeys(changed.toString());
      browser.find("form.verify-form button[type=submit]").click();
      assertThat(browser.text("#answer-heading")).contains("不是");
      assertThat(browser.text(".verify-answer .reason")).contains("改动");
      assertAccessible("/verify (not genuine)");
    } finally {
      Files.deleteIfExists(genuine);
      Files.deleteIfExists(changed);
    }
  }

  private void assertAccessible(String page) throws Exception {
    assumeTrue(
        Files.exists(PublicSiteBrowserIT.AXE), "axe-core is installed by the build's npm step");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    js.executeScript(Files.readString(PublicSiteBrowserIT.AXE));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(r => done("
                    + "r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help}))));");
    assertThat(violations)
        .as("%s: %s", page, violations)
        .noneMatch(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")));
  }
}
