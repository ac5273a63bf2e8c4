package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.proposal.ProposalActions;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.publicsite.ReplyPublishing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public column in a real browser: no serious accessibility violation (axe-core), hostile text
 * never executing anywhere it is shown, and a withdrawn reply saying so.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteBrowserIT {

  static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
  static final List<String> PAYLOADS =
      List.of(
          "<script>alert('xss')</script>",
          "\"><img src=x onerror=alert('xss')>",
          "javascript:alert('xss')",
          "<a href=\"javascript:alert('xss')\">点击</a>",
          "<div hidden>博彩网站</div>",
          "'\"><svg/onload=alert('xss')>",
          "${7*7} #{7*7} {{7*7}}",
          "<iframe src=\"https://evil.example\"></iframe>");

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();
  @LocalServerPort int port;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired ProposalActions actions;
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

  private Caller caller(String username) {
    return publishing().caller(username);
  }

  private ReplyPublishing publishing() {
    return new ReplyPublishing(intake, work, inbox, users, management, jdbc);
  }

  /**
   * A proposal with a hostile payload in every field, replied and published through the process.
   */
  private long hostileReplyPublished() {
    String all = String.join(" ", PAYLOADS);
    return publishing()
        .publish(
            new NewProposal(
                "市九届人大一次会议",
                "X" + System.nanoTime() % 1_000_000,
                ProposalType.SUGGESTION,
                "关于<script>alert('xss')</script>的建议\"><img src=x onerror=alert(1)>",
                "建议内容 " + all,
                "<b>类别</b>",
                "<img src=x onerror=alert(1)>",
                null,
                List.of("<script>alert(2)</script>"),
                "<svg/onload=alert(3)>",
                Instant.now().minusSeconds(60)),
            "答复 " + all);
  }

  private void assertNothingExecutedOrInjected() {
    try {
      browser.driver.switchTo().alert();
      throw new AssertionError("a script ran: an alert is open");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    assertThat(
            (Long)
                js.executeScript(
                    "return document.querySelectorAll('img[onerror], svg[onload], iframe, [hidden] , a[href^=\"javascript:\"]').length"))
        .as("no element from the payloads")
        .isZero();
    assertThat(
            (Long)
                js.executeScript("return Array.from(document.scripts).filter(s => !s.src).length"))
        .as("no inline script")
        .isZero();
  }

  @Test
  void hostileTextIsShownAsTextAndNeverRuns() {
    long publicationId = hostileReplyPublished();
    browser.open("/public/replies/" + publicationId);
    assertThat(browser.text("h1")).contains("<script>alert('xss')</script>");
    assertThat(browser.text(".reply-text")).contains("<img src=x onerror=alert('xss')>");
    assertNothingExecutedOrInjected();
    browser.open(
        "/?q=" + java.net.URLEncoder.encode("建议内容", java.nio.charset.StandardCharsets.UTF_8));
    assertNothingExecutedOrInjected();
    browser.signIn("registrar");
    long proposalId =
        jdbc.queryForObject(
            "SELECT proposal_id FROM cf_publication WHERE id = ?", Long.class, publicationId);
    browser.open("/portal/proposals/" + proposalId);
    assertThat(browser.find("main").getText()).contains("<svg/onload=alert(3)>");
    assertNothingExecutedOrInjected();
  }

  @Test
  void theColumnPassesTheAccessibilityChecker() throws Exception {
    assumeTrue(Files.exists(AXE), "axe-core is installed by the build's npm step");
    String axe = Files.readString(AXE);
    String id =
        String.valueOf(
            jdbc.queryForObject(
                "SELECT id FROM cf_publication WHERE proposal_number = '911100'", Long.class));
    for (String page :
        List.of(
            "/",
            "/?q=监管",
            "/public/replies/" + id,
            "/public/replies/" + id + "?a11y=on",
            "/?a11y=on",
            "/public/replies/" + id + "?a11y=off")) {
      browser.open(page);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      js.executeScript(axe);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> violations =
          (List<Map<String, Object>>)
              js.executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
                      + "v => ({id: v.id, impact: v.impact, help: v.help,"
                      + " nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')}))));");
      assertThat(violations)
          .as("%s: %s", page, violations)
          .noneMatch(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")));
    }
  }

  @Test
  void aWithdrawnReplySaysSoAndLeavesTheList() {
    long publicationId = hostileReplyPublished();
    long proposalId =
        jdbc.queryForObject(
            "SELECT proposal_id FROM cf_publication WHERE id = ?", Long.class, publicationId);
    actions.withdrawPublication(proposalId, publicationId, "内容有误,待更正", caller("registrar"));
    browser.open("/public/replies/" + publicationId);
    assertThat(browser.text(".withdrawn")).contains("内容有误,待更正");
    assertThat(browser.all(".reply-text")).isEmpty();
    browser.open("/");
    assertThat(browser.all("a[href='/public/replies/" + publicationId + "']"))
        .as("not listed")
        .isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM cf_publication WHERE id = ?", Integer.class, publicationId))
        .as("nothing deleted")
        .isEqualTo(1);
  }
}
