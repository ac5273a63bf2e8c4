package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelDeployments;
import org.civicflow.engine.modeling.ModelFile;
import org.civicflow.engine.modeling.ModelKind;
import org.civicflow.engine.modeling.ModelVersion;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * The process editor in a real browser: an admin opens the main process, renames a task in the side
 * panel (undo and redo included), drops a timer onto a flow and sets its duration in the panel,
 * checks the model and deploys it with a comment — and the models page and the API show version
 * n+1. The page runs under the portal's Content-Security-Policy without a single refusal. The
 * decision table editor opens the deadline table, edits a rule and checks it. Non-admins get 403.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelEditorBrowserIT {

  static final String RENAMED = "立案审查（浏览器测试）";
  static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired ModelCatalog catalog;
  @Autowired ModelDeployments deployments;
  Browser browser;
  ModelVersion before;
  String beforeXml;

  @BeforeAll
  void startBrowser() throws Exception {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    before = latest("proposalHandling", ModelKind.BPMN);
    beforeXml = catalog.xml(before.id());
    browser = new Browser("http://localhost:" + port);
    screenshots.watch(browser);
  }

  /** Other tests share the database: new proposals follow the main process as it was. */
  @AfterAll
  void restoreAndStop() {
    if (browser != null) {
      browser.close();
    }
    if (beforeXml != null && !latest("proposalHandling", ModelKind.BPMN).id().equals(before.id())) {
      deployments.deploy(
          new ModelFile("proposalHandling.bpmn", beforeXml.getBytes(StandardCharsets.UTF_8)),
          "浏览器测试结束，恢复原流程",
          "admin");
    }
  }

  private ModelVersion latest(String key, ModelKind kind) {
    return catalog.models().stream()
        .filter(m -> m.key().equals(key) && m.kind() == kind)
        .findFirst()
        .orElseThrow()
        .latest();
  }

  /**
   * Waits up to 20 s; the side panel is drawn anew after each change, so stale fields are retried.
   */
  private FluentWait<WebDriver> waiting() {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class);
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) browser.driver).executeScript(js, args);
  }

  private String status() {
    return browser.find(".cf-editor-status").getText();
  }

  private void waitForStatus(String text) {
    waiting()
        .withMessage(
            () -> "status: " + status() + "\n" + browser.find(".cf-editor-details").getText())
        .until(d -> status().contains(text));
  }

  /** Selects an element of the diagram through the panel's list (as a keyboard user would). */
  private void pick(String elementId) {
    waiting()
        .until(
            d -> {
              new Select(browser.find("#cf-pick-element")).selectByValue(elementId);
              return true;
            });
    waiting()
        .until(
            d ->
                elementId.equals(
                    new Select(browser.find("#cf-pick-element"))
                        .getFirstSelectedOption()
                        .getAttribute("value")));
  }

  private String svgText(String elementId) {
    return (String)
        script(
            "var g = document.querySelector('g.djs-element[data-element-id=\"' + arguments[0]"
                + " + '\"]'); return g ? g.textContent : null;",
            elementId);
  }

  /**
   * Replaces the text of a field of the side panel as a person does (select all, type), so the
   * model changes once. The panel is drawn again after every change of the model, so a field found
   * a moment ago may be gone: it is found again then.
   */
  private void typeInPanel(String css, CharSequence... keys) {
    waiting()
        .until(
            d -> {
              WebElement input = browser.find(css);
              input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
              input.sendKeys(keys);
              return true;
            });
  }

  private void rename(String name) {
    typeInPanel("#cf-name", name, Keys.ENTER);
  }

  /**
   * Takes a palette entry and drops the new element onto a sequence flow (bpmn-js then splits the
   * flow around it): the mouse moves along the flow until bpmn-js marks it as a valid target.
   */
  @SuppressWarnings("unchecked")
  private void dropOntoFlow(String paletteAction, String flowId) {
    pick(flowId);
    List<Number> box =
        (List<Number>)
            script(
                "var r = document.querySelector('g.djs-element[data-element-id=\"' + arguments[0]"
                    + " + '\"]').getBoundingClientRect(); return [r.left, r.top, r.width,"
                    + " r.height];",
                flowId);
    browser.find(".djs-palette .entry[data-action=\"" + paletteAction + "\"]").click();
    double left = box.get(0).doubleValue();
    double top = box.get(1).doubleValue();
    double width = box.get(2).doubleValue();
    double height = box.get(3).doubleValue();
    for (double f : new double[] {0.5, 0.7, 0.3, 0.85, 0.15}) {
      int x = (int) Math.round(left + width * f);
      int y = (int) Math.round(top + height * f);
      new Actions(browser.driver)
          .moveToLocation(x - 12, y - 12)
          .moveToLocation(x - 6, y - 6)
          .moveToLocation(x, y)
          .perform();
      Boolean accepted =
          (Boolean)
              script(
                  "var g = document.querySelector('g.djs-element[data-element-id=\"' +"
                      + " arguments[0] + '\"]'); return g.classList.contains('new-parent') ||"
                      + " g.classList.contains('drop-ok');",
                  flowId);
      if (Boolean.TRUE.equals(accepted)) {
        new Actions(browser.driver).click().perform();
        return;
      }
    }
    throw new AssertionError("bpmn-js did not accept a drop onto " + flowId);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAdminRenamesATaskAddsATimerAndDeploysTheNextVersion() {
    int n = before.version();
    browser.signIn("admin");
    browser.console(); // only what the editor logs from here on

    // from the models page to the editor of the current version
    browser.open("/admin/models");
    browser.find("#model-proposalHandling tr.latest a.edit-link").click();
    waiting()
        .until(
            ExpectedConditions.attributeContains(
                By.id("model-editor"), "class", "cf-editor-ready"));
    assertThat(browser.text("main h1")).contains("proposalHandling").contains("第 " + n + " 版");
    assertThat(browser.find("[data-action=undo]").isEnabled()).isFalse();

    // rename a user task in the side panel; undo and redo cover the panel's edit
    pick("reviewAcceptance");
    assertThat(browser.find("#cf-name").getAttribute("value")).isEqualTo("立案审查");
    assertThat(browser.text(".cf-editor-panel")).contains("人工任务").contains("候选组");
    rename(RENAMED);
    waiting().until(d -> RENAMED.equals(svgText("reviewAcceptance")));
    browser.find("[data-action=undo]").click();
    waiting().until(d -> "立案审查".equals(svgText("reviewAcceptance")));
    browser.find("[data-action=redo]").click();
    waiting().until(d -> RENAMED.equals(svgText("reviewAcceptance")));

    // a timer on the flow from 立案 to 推荐主办单位, two hours, set in the panel
    dropOntoFlow("create.timer-event", "Flow_toSuggestLead");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cf-timer-kind")));
    String timerId =
        waiting()
            .until(
                d -> {
                  String id =
                      new Select(browser.find("#cf-pick-element"))
                          .getFirstSelectedOption()
                          .getAttribute("value");
                  return id.isEmpty() || id.equals("Flow_toSuggestLead") ? null : id;
                });
    waiting()
        .until(
            d -> {
              new Select(browser.find("#cf-timer-kind")).selectByValue("hours");
              return true;
            });
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-timer-amount")));
    typeInPanel("#cf-timer-amount", "2", Keys.TAB);
    waiting().until(d -> "2".equals(browser.find("#cf-timer-amount").getAttribute("value")));
    rename("等待两小时");
    waiting().until(d -> "等待两小时".equals(svgText(timerId + "_label")));

    // check: no problems
    browser.find("[data-action=check]").click();
    waitForStatus("检查通过");

    // impact: the running items of version n are listed
    browser.find("[data-action=impact]").click();
    waitForStatus("第 " + (n + 1) + " 版");
    if (before.runningInstances() > 0) {
      assertThat(browser.all("table.cf-impact tbody tr")).isNotEmpty();
    }

    // deploy with a comment (required)
    browser.find("[data-action=deploy]").click();
    browser.find("form.cf-deploy button[type=submit]").click();
    waitForStatus("请填写部署说明");
    browser.find("#cf-deploy-comment").sendKeys("立案后等待两小时再推荐主办单位");
    browser.find("form.cf-deploy button[type=submit]").click();
    waitForStatus("已部署为第 " + (n + 1) + " 版");
    WebElement deployed = browser.find(".cf-deployed");
    assertThat(deployed.getAttribute("data-version")).isEqualTo(String.valueOf(n + 1));
    assertThat(deployed.findElement(By.linkText("迁移办理中的事项")).getAttribute("href"))
        .contains("/admin/models/proposalHandling/migrations/new?target=proposalHandling");
    browser.screenshot(PortalBrowserIT.SHOTS.resolve("model-editor-deployed.png"));

    // the models page shows version n+1 with its comment
    browser.open("/admin/models");
    String row = browser.text("#model-proposalHandling tr.latest");
    assertThat(row).contains("第 " + (n + 1) + " 版").contains("立案后等待两小时再推荐主办单位");

    // and so does the API; the deployed model holds both edits
    Map<String, Object> list =
        http.withBasicAuth("admin", "Demo@12345")
            .exchange("/api/v1/admin/process-definitions", HttpMethod.GET, null, MAP)
            .getBody();
    Map<String, Object> main =
        ((List<Map<String, Object>>) list.get("items"))
            .stream()
                .filter(m -> "proposalHandling".equals(m.get("key")))
                .findFirst()
                .orElseThrow();
    Map<String, Object> current = ((List<Map<String, Object>>) main.get("versions")).get(0);
    assertThat(current)
        .containsEntry("version", n + 1)
        .containsEntry("deployedBy", "admin")
        .containsEntry("comment", "立案后等待两小时再推荐主办单位");
    String xml = catalog.xml((String) current.get("id"));
    assertThat(xml)
        .contains("name=\"" + RENAMED + "\"")
        .contains("id=\"" + timerId + "\"")
        .contains(">PT2H</");

    assertThat(browser.console())
        .as("the editor runs under the Content-Security-Policy")
        .noneMatch(m -> m.contains("Content Security Policy"))
        .noneMatch(m -> m.contains("Uncaught"));
  }

  @Test
  void theDeadlineTableIsEditedAndCheckedInTheDecisionEditor() {
    ModelVersion table = latest("handlingDeadline", ModelKind.DMN);
    browser.signIn("admin");
    browser.console();
    browser.open("/admin/models");
    browser.find("#model-handlingDeadline tr.latest a.edit-link").click();
    waiting()
        .until(
            ExpectedConditions.attributeContains(
                By.id("decision-editor"), "class", "cf-editor-ready"));
    assertThat(browser.driver.getCurrentUrl())
        .endsWith("/admin/models/decisions/" + table.id() + "/edit");
    WebElement cell = browser.find("td[data-element-id=ruleComplexMonths]");
    assertThat(cell.getText()).isEqualTo("6");
    assertThat(browser.text(".cf-decision-canvas")).contains("命中策略").contains("复杂事项");

    cell.click();
    new Actions(browser.driver)
        .keyDown(Keys.CONTROL)
        .sendKeys("a")
        .keyUp(Keys.CONTROL)
        .sendKeys("7")
        .perform();
    browser.find("main h1").click();
    waiting().until(d -> browser.find("[data-action=undo]").isEnabled());
    assertThat(browser.find("td[data-element-id=ruleComplexMonths]").getText()).isEqualTo("7");

    browser.find("[data-action=check]").click();
    waitForStatus("检查通过");

    browser.find("[data-action=undo]").click();
    waiting()
        .until(d -> "6".equals(browser.find("td[data-element-id=ruleComplexMonths]").getText()));
    assertThat(latest("handlingDeadline", ModelKind.DMN).id()).isEqualTo(table.id());

    // the policy stays strict on the editor pages: the markup of dmn-js's logo carries inline
    // styles, which the browser refuses (css/model-editor.css places the logo); nothing else is
    List<String> refused =
        browser.console().stream().filter(m -> m.contains("Content Security Policy")).toList();
    assertThat(refused).isNotEmpty().allMatch(m -> m.contains("/js/decision-editor.js"));
  }

  @Test
  void onlyAdminsOpenTheEditors() {
    ModelVersion table = latest("handlingDeadline", ModelKind.DMN);
    PortalSession handler = PortalSession.signIn(port, "scjg.handler", "Demo@12345");
    assertThat(handler.get("/admin/models/" + before.id() + "/edit").status()).isEqualTo(403);
    assertThat(handler.get("/admin/models/decisions/" + table.id() + "/edit").status())
        .isEqualTo(403);
    assertThat(handler.get("/admin/models/editor").status()).isEqualTo(403);
    PortalSession registrar = PortalSession.signIn(port, "registrar", "Demo@12345");
    assertThat(registrar.get("/admin/models/" + before.id() + "/edit").status()).isEqualTo(403);

    PortalSession admin = PortalSession.signIn(port, "admin", "Demo@12345");
    PortalSession.Page page = admin.get("/admin/models/" + before.id() + "/edit");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"model-editor\"").contains("/js/model-editor.js");
    assertThat(admin.get("/admin/models/no-such-model:1:x/edit").status()).isEqualTo(404);
  }
}
