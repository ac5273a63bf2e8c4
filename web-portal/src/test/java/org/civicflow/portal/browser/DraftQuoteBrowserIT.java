package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The handler drafting a reply to a proposal on the subject of 911100 quotes the 2022 reply of
 * 市场监督管理局 in a real browser, with the keyboard only: the passage goes in at the cursor, the "drew
 * from" box of that reply is ticked, the status line says so; the draft saved records the reply it
 * drew from. No serious or critical axe finding on the page.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftQuoteBrowserIT {

  static final Path SHOTS = Path.of("target", "browser-screenshots");

  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired JdbcTemplate jdbc;

  private Caller caller(String username) {
    return Caller.of(users.find(username).orElseThrow());
  }

  private void completeAs(String user, long proposalId, String key, Map<String, Object> body) {
    Caller c = caller(user);
    String task =
        inbox.page(c, new InboxFilter(key, null, null, proposalId, 0, 5)).items().get(0).id();
    work.complete(task, body, c);
  }

  /**
   * A proposal on the subject of 911100 (worded apart from the reworded copy of {@code
   * SimilarSearchIT}, which must find 911100 first), signed for by SCJG: its handler is drafting.
   */
  private long drafting(String number) {
    long id =
        intake
            .register(
                new NewProposal(
                    "市九届人大一次会议",
                    number,
                    ProposalType.SUGGESTION,
                    "关于加强直播电商平台关键词监测的建议",
                    "建议对抖音、快手等直播电商平台开展关键词监测,摸清全市MCN机构底数," + "编制直播营销行为规范指引,畅通12315投诉举报渠道。",
                    "市场监管",
                    "金淼",
                    "deputy.jinmiao",
                    List.of(),
                    "昌图县",
                    Instant.now().minusSeconds(3600)),
                caller("registrar"))
            .getId();
    completeAs("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    completeAs("registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "SCJG"));
    completeAs("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    return id;
  }

  @Test
  void aPassageOfTheSimilarReplyIsQuotedAtTheCursorAndRecorded(Browser browser) throws Exception {
    String number = String.valueOf(830000 + (System.nanoTime() % 100000));
    long id = drafting(number);
    long source =
        jdbc.queryForObject(
            "SELECT MIN(u.id) FROM cf_publication u JOIN cf_proposal p ON p.id = u.proposal_id"
                + " WHERE p.number = '911100'",
            Long.class);

    browser.signIn("scjg.handler");
    browser.openTaskFromInbox("拟稿", number);
    WebElement item =
        browser.all(".similar-list li").stream()
            .filter(li -> li.getText().contains("911100"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(browser.text("main")));
    WebElement button =
        item.findElements(org.openqa.selenium.By.cssSelector("button.quote-passage")).get(0);
    assertThat(button.isDisplayed()).as("shown by the island").isTrue();
    assertThat(button.getText()).isEqualTo("引用此段");
    String passage =
        browser
            .find("#" + button.getDomAttribute("data-passage"))
            .getText()
            .replaceAll("\\s+", " ")
            .strip();
    assertThat(passage).isNotBlank();
    WebElement box = browser.find("input[name=drewFrom][value='" + source + "']");
    assertThat(box.isSelected()).isFalse();
    browser.assertAccessible("drafting page");

    // the handler writes a greeting and a closing line, puts the cursor between them and quotes,
    // by keyboard only
    WebElement area = browser.find("[name=replyText]");
    area.clear();
    area.sendKeys("金淼代表:\n感谢您的关心。");
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "const a = arguments[0]; const at = a.value.indexOf('感谢'); a.focus();"
                + " a.setSelectionRange(at, at);",
            area);
    browser.focus(button);
    button.sendKeys(Keys.ENTER);
    String text = area.getDomProperty("value");
    assertThat(text).isEqualTo("金淼代表:\n" + passage + "\n感谢您的关心。");
    assertThat(box.isSelected()).as("the reply is recorded as drawn from").isTrue();
    assertThat(browser.text(".quote-status")).isNotEmpty();
    assertThat(
            ((JavascriptExecutor) browser.driver)
                .executeScript("return document.activeElement === arguments[0];", button))
        .as("focus stays on the button")
        .isEqualTo(true);
    browser.screenshot(SHOTS.resolve("draft-quote.png"));
    browser.assertAccessible("after quoting");

    browser.choose("category", "A");
    browser.choose("contactMethod", "PHONE");
    browser.type("contactNote", "电话联系金淼代表");
    browser.choose("disclosure", "PUBLIC");
    browser.submit();
    assertThat(browser.text(".alert.info")).contains("拟稿");
    assertThat(
            jdbc.queryForList(
                "SELECT s.publication_id FROM cf_reply_draft_source s"
                    + " JOIN cf_reply_draft d ON d.id = s.draft_id WHERE d.proposal_id = ?",
                Long.class,
                id))
        .containsExactly(source);
    assertThat(
            jdbc.queryForObject(
                "SELECT d.reply_text FROM cf_reply_draft d WHERE d.proposal_id = ?"
                    + " ORDER BY d.id DESC LIMIT 1",
                String.class,
                id))
        .contains(passage);
  }
}
