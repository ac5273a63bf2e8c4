package org.civicflow.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages people use on a phone, loaded as a mid-range phone does: headless Chromium at 390 × 844
 * with the CPU slowed down 4× and the slow-4G profile of Lighthouse (562.5 ms round trip, 1.47
 * Mbit/s down, 675 kbit/s up), cache disabled. For the handler's task page, the proposer's page of
 * 911100 and the public reply page: the largest contentful paint (median of {@code
 * civicflow.bench.phone.rounds} cold loads; target under 2.5 s) and the JavaScript and CSS each
 * page loads. Writes target/bench/phone-speed.md. Run by {@code mvn verify -Pbench}.
 */
@EnabledIfSystemProperty(named = "civicflow.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "civicflow.demo=true"})
class PhoneSpeedBenchmarkIT {

  static final int ROUNDS = Integer.getInteger("civicflow.bench.phone.rounds", 3);
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  record Measured(String page, double lcp, double js, double css, int scripts) {}

  @Test
  void phonePagesAreUsableWithinTwoAndAHalfSeconds() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no chromium");
    long proposal =
        jdbc.queryForObject("SELECT id FROM cf_proposal WHERE number = '911100'", Long.class);
    long reply =
        jdbc.queryForObject(
            "SELECT MIN(id) FROM cf_publication WHERE proposal_number = '911100'", Long.class);
    List<Measured> results = new ArrayList<>();
    ChromeDriver driver = phone();
    try {
      signIn(driver, "scjg.handler");
      driver.get(base() + "/portal/inbox");
      String task =
          driver.findElement(By.cssSelector("table.inbox tbody tr td a")).getAttribute("href");
      results.add(measure(driver, "task page (handler)", task));
      signIn(driver, "deputy.jinmiao");
      results.add(
          measure(driver, "proposer's page (911100)", base() + "/portal/proposals/" + proposal));
      driver.manage().deleteAllCookies();
      results.add(measure(driver, "public reply page", base() + "/public/replies/" + reply));
    } finally {
      driver.quit();
    }
    write(results);
    assertThat(results).allMatch(m -> m.lcp() > 0);
  }

  private ChromeDriver phone() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--lang=zh-CN");
    options.setExperimentalOption(
        "mobileEmulation",
        Map.of(
            "deviceMetrics",
            Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true)));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void signIn(ChromeDriver driver, String username) {
    driver.manage().deleteAllCookies();
    driver.get(base() + "/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("Demo@12345");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-bar")));
  }

  private Measured measure(ChromeDriver driver, String name, String url) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline",
            false,
            "latency",
            562.5,
            "downloadThroughput",
            1474.56 * 1024 / 8,
            "uploadThroughput",
            675 * 1024 / 8));
    driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
    double[] lcp = new double[ROUNDS];
    Map<String, Object> weight = Map.of();
    try {
      for (int i = 0; i < ROUNDS; i++) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60))
            .until(
                d ->
                    "complete"
                        .equals(
                            ((JavascriptExecutor) d).executeScript("return document.readyState")));
        lcp[i] = ((Number) driver.executeAsyncScript(LCP)).doubleValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) driver.executeScript(WEIGHT);
        weight = w;
      }
    } finally {
      driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
      driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
    Arrays.sort(lcp);
    return new Measured(
        name,
        lcp[ROUNDS / 2],
        ((Number) weight.get("js")).doubleValue() / 1024,
        ((Number) weight.get("css")).doubleValue() / 1024,
        ((Number) weight.get("scripts")).intValue());
  }

  /** The last largest-contentful-paint entry (the page's final one), in ms from navigation. */
  static final String LCP =
      "const done = arguments[arguments.length - 1];"
          + "new PerformanceObserver(l => { const e = l.getEntries(); done(e[e.length - 1].startTime); })"
          + ".observe({type: 'largest-contentful-paint', buffered: true});"
          + "setTimeout(() => done(-1), 10000);";

  /** Bytes of JavaScript and CSS the page loaded (bodies as sent, before decompression). */
  static final String WEIGHT =
      "const r = performance.getEntriesByType('resource');"
          + "const size = e => e.encodedBodySize || e.transferSize || 0;"
          + "const js = r.filter(e => e.name.split('?')[0].endsWith('.js'));"
          + "const css = r.filter(e => e.name.split('?')[0].endsWith('.css'));"
          + "return {js: js.reduce((a, e) => a + size(e), 0), css: css.reduce((a, e) => a + size(e), 0),"
          + " scripts: js.length};";

  private void write(List<Measured> results) throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("## Phone pages: largest contentful paint at 4× CPU slowdown and slow 4G\n\n");
    md.append(
            "Headless Chromium at 390 × 844 (mobile emulation), CPU 4× slower, 562.5 ms round trip,")
        .append(" 1.47 Mbit/s down, cache disabled; median of ")
        .append(ROUNDS)
        .append(" cold loads; demo data on ")
        .append(System.getProperty("spring.profiles.active", "h2"))
        .append(
            ".\n\n| page | LCP (ms) | target | JavaScript (KiB, files) | CSS (KiB) |\n|---|---|---|---|---|\n");
    Map<String, String> rows = new LinkedHashMap<>();
    boolean met = true;
    for (Measured m : results) {
      met &= m.lcp() < 2500;
      md.append(
          String.format(
              "| %s | %.0f | < 2500 | %.1f (%d) | %.1f |%n",
              m.page(), m.lcp(), m.js(), m.scripts(), m.css()));
      rows.put(m.page(), String.format("%.0f ms", m.lcp()));
    }
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/phone-speed.md"), md.toString());
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    Files.writeString(
        Path.of("target/bench/phone-speed.row"),
        String.format(
            "| Phone pages, LCP at 4× CPU and slow 4G | < 2.5 s | %s | %s | %s |%n",
            rows.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList(),
            met ? "yes" : "no",
            load.substring(0, load.lastIndexOf(' ', load.lastIndexOf(' ') - 1))));
    System.out.println(md);
  }
}
