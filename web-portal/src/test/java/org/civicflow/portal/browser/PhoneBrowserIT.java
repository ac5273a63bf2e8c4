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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal on a phone (390 × 844, Chromium's mobile emulation), with the demo data: the leader
 * reads the draft and signs it off from the decision bar below it, the deputy follows 911100 and
 * rates a reply, a member of the public finds and reads a reply. On every page: nothing scrolls
 * sideways, every touch target is at least 44 px high, axe finds nothing serious, and a screenshot
 * is kept under {@code target/browser-screenshots/phone/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneBrowserIT {

  static final Path SHOTS = Path.of("target", "browser-screenshots", "phone");
  static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

  /** What a finger taps: buttons, fields, options, the menu, links that stand on their own. */
  static final String TARGETS =
      "button, select, input[type=text], input[type=search], input[type=date], input[type=password],"
          + " label.option, .menu-button, .site-header .menu a, table.list a, .reply-list a,"
          + " .pager a, .back a, summary";

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();

  @LocalServerPort int port;
  Browser browser;

  @BeforeAll
  void startBrowser() throws Exception {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    browser = Browser.phone("http://localhost:" + port);
    screenshots.watch(browser);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theLeaderReadsTheDraftAndSignsItOff() throws Exception {
    browser.signIn("scjg.leader");
    checkPhonePage("leader-inbox");
    openFirstTask("领导签发");
    checkPhonePage("leader-sign-off");
    // the draft and its public text come before the decision, which is a bar at the bottom
    WebElement draft = browser.find(".current-draft");
    WebElement bar = browser.find(".form-card");
    assertThat(draft.getRect().getY()).isLessThan(bar.getRect().getY());
    assertThat(browser.find(".current-draft .text-block").getText()).isNotBlank();
    assertThat(bar.getCssValue("position")).isEqualTo("sticky");
    long viewport = ((Number) js("return window.innerHeight;")).longValue();
    assertThat((long) (bar.getRect().getY() + bar.getRect().getHeight()))
        .isLessThanOrEqualTo(viewport);
    // the form says before sending that a return needs a comment, and refuses one without
    assertThat(browser.text("#hint-comment")).contains("意见");
    browser.choose("decision", "RETURN");
    browser.submit();
    assertThat(browser.find("#err-comment").getAttribute("textContent")).isNotBlank();
    browser.choose("decision", "APPROVE");
    browser.submit();
    assertThat(browser.text(".alert.info")).isNotBlank();
    checkPhonePage("leader-signed");
    // the leader's own department: its figures and lists, from the registrar's statistics
    // the demo's session by name: another test may have marked a later session current
    browser.open(
        "/portal/department?session="
            + java.net.URLEncoder.encode("市九届人大一次会议", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(browser.text("#dept-assigned")).matches("\\d+");
    assertThat(browser.text("main")).contains("市场监督管理局");
    checkPhonePage("leader-department");
  }

  @Test
  void theDeputyFollows911100AndRatesAReply() throws Exception {
    browser.signIn("deputy.jinmiao");
    browser.open("/portal/mine");
    checkPhonePage("deputy-mine");
    WebElement link =
        browser.all("main a").stream()
            .filter(a -> a.getText().contains("直播带货"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(browser.text("main")));
    link.click();
    assertThat(browser.text("main")).contains("911100");
    checkPhonePage("deputy-911100");
    browser.open("/portal/inbox");
    checkPhonePage("deputy-to-rate");
    openFirstTask("满意度测评");
    checkPhonePage("deputy-rating");
    browser.choose("workRating", "SATISFIED");
    browser.choose("resultRating", "BASICALLY_SATISFIED");
    browser.submit();
    assertThat(browser.text(".alert.info")).isNotBlank();
    checkPhonePage("deputy-rated");
  }

  @Test
  void aMemberOfThePublicFindsAndReadsAReply() throws Exception {
    browser.driver.manage().deleteAllCookies();
    browser.open("/");
    checkPhonePage("public-list");
    // the menu opens without any script and its links are big enough to tap
    browser.find(".menu-button").click();
    assertThat(browser.find(".public-tools").isDisplayed()).isTrue();
    checkPhonePage("public-menu");
    browser.find(".menu-button").click();
    WebElement search = browser.find("input[type=search]");
    search.sendKeys("直播");
    search.submit();
    checkPhonePage("public-search");
    browser.all(".reply-list a").get(0).click();
    assertThat(browser.text("main")).contains("金淼");
    checkPhonePage("public-reply");
  }

  @Test
  void aMemberOfThePublicReadsTheHandlingSummary() throws Exception {
    browser.driver.manage().deleteAllCookies();
    browser.open("/public/summaries");
    checkPhonePage("public-summaries");
    browser.all(".reply-list a").get(0).click();
    assertThat(browser.text("main")).contains("办复率").contains("见面率");
    browser.all(".summary-items summary").get(0).click();
    checkPhonePage("public-summary");
  }

  @Test
  void theStaffMenuOpensAndClosesWithoutScript() throws Exception {
    browser.signIn("scjg.handler");
    assertThat(browser.find(".main-nav").isDisplayed()).isFalse();
    browser.find(".menu-button").click();
    assertThat(browser.find(".main-nav").isDisplayed()).isTrue();
    checkPhonePage("staff-menu");
    browser.find(".main-nav a[href='/portal/notices']").click();
    checkPhonePage("notices");
  }

  private void openFirstTask(String step) {
    for (WebElement row : browser.all("table.inbox tbody tr")) {
      if (row.getText().contains(step)) {
        row.findElement(By.cssSelector("td a")).click();
        return;
      }
    }
    throw new AssertionError("no " + step + " in the inbox:\n" + browser.text("main"));
  }

  /** No sideways scrolling, touch targets of 44 px, axe clean; a screenshot kept. */
  private void checkPhonePage(String name) throws Exception {
    browser.screenshot(SHOTS.resolve(name + ".png"));
    String where = name + " " + browser.driver.getCurrentUrl();
    long scrollWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
    long innerWidth = ((Number) js("return window.innerWidth;")).longValue();
    assertThat(innerWidth).as("the phone's width").isEqualTo(390);
    assertThat(scrollWidth).as("%s scrolls sideways", where).isLessThanOrEqualTo(innerWidth);
    @SuppressWarnings("unchecked")
    List<String> small =
        (List<String>)
            js(
                "return [...document.querySelectorAll(arguments[0])]"
                    + ".filter(e => e.offsetParent !== null && e.closest('.visually-hidden') === null)"
                    + ".filter(e => e.getBoundingClientRect().height < 44)"
                    + ".map(e => e.outerHTML.slice(0, 120) + ' ' + Math.round(e.getBoundingClientRect().height));",
                TARGETS);
    assertThat(small).as("%s: touch targets under 44 px", where).isEmpty();
    if (Files.exists(AXE)) {
      js(Files.readString(AXE));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> violations =
          (List<Map<String, Object>>)
              ((JavascriptExecutor) browser.driver)
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
                          + "v => ({id: v.id, impact: v.impact, help: v.help,"
                          + " nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')}))));");
      assertThat(violations)
          .as("%s: %s", where, violations)
          .noneMatch(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")));
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser.driver).executeScript(script, args);
  }
}
