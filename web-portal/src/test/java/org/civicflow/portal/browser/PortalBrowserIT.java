package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal in a real browser: a handler signs for, drafts and submits; a reviewer returns it with
 * a comment and sees the diff after the revision; the leader signs off; the proposer rates; a
 * second handler who opens the completed task is told who completed it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

  static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target", "browser-screenshots");

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();

  @LocalServerPort int port;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired UserManagement userManagement;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  Browser browser;

  @BeforeAll
  void startBrowser() throws Exception {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    if (users.find("scjg.handler2").isEmpty()) {
      userManagement.create(
          new NewUser(
              "scjg.handler2",
              "第二承办人",
              "Demo@12345",
              "SCJG",
              EnumSet.of(Role.HANDLER),
              null,
              null,
              null),
          true);
    }
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
    return Caller.of(users.find(username).orElseThrow());
  }

  /** A proposal assigned to SCJG, as the registrar would leave it. */
  private String assignedToScjg(String title) {
    String number = String.valueOf(800000 + (System.nanoTime() % 100000));
    long id =
        intake
            .register(
                new NewProposal(
                    "市九届人大一次会议",
                    number,
                    ProposalType.SUGGESTION,
                    title,
                    "建议内容:加强监管。",
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
    return number;
  }

  private void completeAs(String user, long proposalId, String key, Map<String, Object> body) {
    Caller c = caller(user);
    String task =
        inbox.page(c, new InboxFilter(key, null, null, proposalId, 0, 5)).items().get(0).id();
    work.complete(task, body, c);
  }

  private void runJobs() {
    for (int i = 0; i < 10; i++) {
      var due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  @Test
  void aReplyGoesFromDraftToRatingThroughTheBrowser() {
    String number = assignedToScjg("关于加强电动自行车充电安全管理的建议");

    // the handler signs for and drafts; a missing text is refused next to the field
    browser.signIn("scjg.handler");
    assertThat(browser.text(".user-bar")).contains("市场监督管理局").contains("承办人");
    browser.open("/portal/inbox");
    browser.screenshot(SHOTS.resolve("inbox.png"));
    browser.openTaskFromInbox("签收", number);
    browser.choose("decision", "ACCEPT");
    browser.submit();
    assertThat(browser.text(".alert.info")).contains("签收");
    browser.openTaskFromInbox("拟稿", number);
    browser.choose("category", "B");
    browser.choose("contactMethod", "PHONE");
    browser.type("contactNote", "电话联系金淼代表");
    browser.choose("disclosure", "PUBLIC");
    browser.submit();
    assertThat(browser.find("#err-replyText").getAttribute("textContent"))
        .as(browser.find("#err-replyText").getAttribute("outerHTML"))
        .contains("必填");
    browser.type("replyText", "金淼代表:\n\n您的建议收悉。我局将开展充电安全专项检查。");
    browser.choose("category", "B");
    browser.choose("contactMethod", "PHONE");
    browser.choose("disclosure", "PUBLIC");
    browser.submit();
    // a B reply promises action: the commitments are required, named next to their field
    assertThat(browser.find("#err-commitments").getAttribute("textContent")).contains("必填");
    browser.type("commitments", "开展充电安全专项检查 | 2099-12-31 | 检查结果向社会公布");
    browser.submit();
    assertThat(browser.text(".alert.info")).contains("拟稿");

    // the reviewer returns it with a comment
    browser.signIn("scjg.reviewer");
    browser.openTaskFromInbox("部门审核", number);
    browser.choose("decision", "RETURN");
    browser.type("comment", "请写明检查的时间安排");
    browser.submit();

    // the handler revises the prefilled text
    browser.signIn("scjg.handler");
    browser.openTaskFromInbox("拟稿", number);
    assertThat(browser.text(".decisions")).contains("请写明检查的时间安排");
    String previous = browser.find("[name=replyText]").getAttribute("value");
    assertThat(previous).contains("充电安全专项检查");
    browser.type("replyText", previous.replace("专项检查。", "专项检查,于今年第三季度完成。"));
    browser.submit();

    // the reviewer sees what changed since the version returned, and approves
    browser.signIn("scjg.reviewer");
    browser.openTaskFromInbox("部门审核", number);
    assertThat(browser.text("#diff-heading")).contains("第1稿退回后");
    browser.screenshot(SHOTS.resolve("review-with-diff.png"));
    assertThat(browser.all(".diff ins"))
        .extracting(e -> e.getText())
        .anyMatch(t -> t.contains("第三季度"));
    browser.choose("decision", "APPROVE");
    browser.submit();

    // the leader sees the public text and signs off
    browser.signIn("scjg.leader");
    browser.openTaskFromInbox("领导签发", number);
    assertThat(browser.text("#public-heading")).isNotBlank();
    String signOffUrl = browser.driver.getCurrentUrl();
    browser.choose("decision", "APPROVE");
    browser.submit();
    assertThat(browser.text(".alert.info")).contains("领导签发");
    runJobs();

    // a second handler opening a completed task is told who completed it
    browser.signIn("scjg.handler2");
    browser.driver.get(signOffUrl);
    assertThat(browser.text(".task-unavailable")).contains("scjg.leader");
    browser.screenshot(SHOTS.resolve("completed-by-colleague.png"));

    // the proposer rates the reply
    browser.signIn("deputy.jinmiao");
    browser.open("/portal/mine");
    assertThat(browser.find("main").getText()).contains(number).contains("待测评");
    browser.openTaskFromInbox("满意度测评", number);
    browser.choose("workRating", "SATISFIED");
    browser.choose("resultRating", "SATISFIED");
    browser.submit();
    browser.open("/portal/mine");
    assertThat(browser.find("main").getText()).contains("已办结");
    browser.screenshot(SHOTS.resolve("proposer-view.png"));
  }

  @Test
  void theLoginPageSwitchesLanguageAndRefusesWrongPasswords() {
    browser.driver.manage().deleteAllCookies();
    browser.open("/login?lang=en");
    assertThat(browser.text("h1")).contains("CivicFlow");
    assertThat(browser.find("label[for=username]").getText()).isEqualTo("User name");
    browser.find("#username").sendKeys("scjg.handler");
    browser.find("#password").sendKeys("wrong-password");
    browser.find("form button[type=submit]").click();
    assertThat(browser.text(".alert.error")).contains("Wrong user name or password");
    browser.open("/login?lang=zh_CN");
    assertThat(browser.find("label[for=username]").getText()).isEqualTo("用户名");
  }
}
