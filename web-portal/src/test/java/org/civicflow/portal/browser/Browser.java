package org.civicflow.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, as a person uses the portal: sign in, click, type,
 * read. No browser is downloaded: {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** axe-core, installed by the build's npm step. */
  static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

  final WebDriver driver;
  private final String base;
  private final Path profile;

  Browser(String base) throws IOException {
    this(base, false);
  }

  /**
   * A phone of 390 × 844 CSS pixels (Chromium's mobile emulation: viewport, touch, pixel ratio 3).
   */
  static Browser phone(String base) throws IOException {
    return new Browser(base, true);
  }

  private Browser(String base, boolean phone) throws IOException {
    this.base = base;
    this.profile = Files.createTempDirectory("civicflow-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1400,1000",
        "--lang=zh-CN",
        "--user-data-dir=" + profile);
    if (phone) {
      options.setExperimentalOption(
          "mobileEmulation",
          java.util.Map.of(
              "deviceMetrics",
              java.util.Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true)));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  void open(String path) {
    driver.get(base + path);
  }

  /** Signs in through the login form, in a fresh session. */
  void signIn(String username) {
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("Demo@12345");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-bar")));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  /** Clicks the radio button of a field's option (e.g. decision=RETURN). */
  void choose(String field, String value) {
    find("input[type=radio][name=" + field + "][value=" + value + "]").click();
  }

  void type(String field, String text) {
    WebElement e = find("[name=" + field + "]");
    e.clear();
    e.sendKeys(text);
  }

  void submit() {
    clickAndAwaitNextPage("form button.primary");
  }

  /**
   * Clicks what sends a form and waits for the answer page: a navigation started right after the
   * click (the next sign-in) would otherwise cancel the form's request, and reads would find the
   * old page's elements. The old page is marked and the new one is the one without the mark.
   */
  void clickAndAwaitNextPage(String css) {
    ((JavascriptExecutor) driver).executeScript("window.__cfOldPage = true;");
    find(css).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return !window.__cfOldPage && document.readyState === 'complete';")));
  }

  /** Opens the task of a step on a proposal from the inbox by clicking its link. */
  void openTaskFromInbox(String stepLabel, String proposalNumber) {
    open("/portal/inbox");
    for (WebElement row : all("table.inbox tbody tr")) {
      if (row.getText().contains(proposalNumber) && row.getText().contains(stepLabel)) {
        row.findElement(By.cssSelector("td a")).click();
        return;
      }
    }
    throw new AssertionError(
        "no "
            + stepLabel
            + " task for "
            + proposalNumber
            + " in the inbox:\n"
            + driver.findElement(By.tagName("main")).getText());
  }

  /**
   * What the pages logged to the console since the last call (errors, refused inline styles or
   * scripts of the Content-Security-Policy…).
   */
  List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Moves the keyboard focus to the element, as a Tab press would. */
  void focus(WebElement e) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", e);
  }

  /** No serious or critical finding of axe-core on the page shown (when the build installed it). */
  void assertAccessible(String page) throws IOException {
    if (!Files.exists(AXE)) {
      return;
    }
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(Files.readString(AXE));
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

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // a failed screenshot must not hide the test's own failure
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
