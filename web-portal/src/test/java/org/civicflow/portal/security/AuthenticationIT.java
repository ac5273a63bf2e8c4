package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserAdministration;
import org.civicflow.domain.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in as people and clients do it, over HTTP: lock-out after ten failures in a row (form and
 * HTTP Basic) lifted by an administrator, throttling of rapid failures, one answer for unknown user
 * and wrong password, a new session id at sign-in, a session that ends at sign-out, the session
 * cookie's attributes, and CSRF refusals that are audited.
 *
 * <p>The local address is a trusted proxy here, so {@code X-Forwarded-For} sets the client address:
 * that is how the tests get past the per-address throttle to reach the lock-out.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "civicflow.security.trusted-proxies=127.0.0.1,::1"
    })
class AuthenticationIT {

  static final String DEMO = "Demo@12345";
  static final String PASSWORD = "Sign#2026in";

  @LocalServerPort int port;
  @Autowired UserAdministration administration;
  @Autowired UserDirectory users;
  @Autowired AuditLog audit;
  @Autowired DepartmentDirectory departments;
  @Autowired JdbcTemplate jdbc;

  private void account(String username) {
    administration.create(
        new NewUser(
            username, "测试" + username, PASSWORD, null, Set.of(Role.PROPOSER), null, null, null),
        "admin");
  }

  private User user(String username) {
    return users.find(username).orElseThrow();
  }

  private List<AuditEvent> signIns(String username) {
    return audit.forObject("login", username);
  }

  @Test
  void tenFailedFormSignInsLockTheAccountUntilTheAdminUnlocksIt() {
    account("lock.form");
    for (int i = 1; i <= 10; i++) {
      // four attempts per address stay below the throttle (five a minute per name and address)
      WebPeer browser = new WebPeer(port).from("198.51.100." + (i / 4 + 1));
      WebPeer.Answer failed = browser.signIn("lock.form", "Wrong#2026in");
      assertThat(failed.location()).as("attempt %d", i).endsWith("/login?error");
      assertThat(user("lock.form").getFailedLogins()).isEqualTo(i);
      assertThat(user("lock.form").isLocked()).isEqualTo(i == 10);
    }
    // the right password no longer helps, and the page says why
    WebPeer browser = new WebPeer(port).from("198.51.100.9");
    WebPeer.Answer refused = browser.signIn("lock.form", PASSWORD);
    assertThat(refused.location()).endsWith("/login?locked");
    assertThat(browser.get("/login?locked").body()).contains("账号因多次登录失败已被锁定");
    assertThat(browser.get("/portal/inbox").status()).isEqualTo(302);

    List<AuditEvent> events = signIns("lock.form");
    assertThat(events).extracting(AuditEvent::action).containsOnly("login.failed", "login.locked");
    assertThat(events).filteredOn(e -> e.action().equals("login.failed")).hasSize(10);
    assertThat(events).allSatisfy(e -> assertThat(e.result()).isEqualTo(AuditLog.DENIED));
    assertThat(events.get(0).remoteAddress()).isEqualTo("198.51.100.1");
    assertThat(events.get(9).detail()).contains("failedLogins=10", "account locked");
    assertThat(events.get(10).action()).isEqualTo("login.locked");
    assertThat(events.get(10).remoteAddress()).isEqualTo("198.51.100.9");

    // the admin unlocks it on the account's page; then the person signs in
    WebPeer admin = new WebPeer(port);
    assertThat(admin.signIn("admin", DEMO).location()).endsWith("/portal");
    WebPeer.Answer page = admin.get("/admin/users/lock.form");
    assertThat(page.body()).contains("/admin/users/lock.form/unlock");
    assertThat(admin.submit("/admin/users/lock.form/unlock", page.body(), Map.of()).status())
        .isEqualTo(302);
    assertThat(user("lock.form").isLocked()).isFalse();
    assertThat(user("lock.form").getFailedLogins()).isZero();
    WebPeer person = new WebPeer(port).from("198.51.100.9");
    assertThat(person.signIn("lock.form", PASSWORD).location()).endsWith("/portal");
    assertThat(person.get("/portal/inbox").status()).isEqualTo(200);
    assertThat(signIns("lock.form").get(signIns("lock.form").size() - 1))
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("login.success");
              assertThat(e.actor()).isEqualTo("lock.form");
              assertThat(e.result()).isEqualTo(AuditLog.OK);
              assertThat(e.remoteAddress()).isEqualTo("198.51.100.9");
            });
    assertThat(audit.forObject("user", "lock.form"))
        .extracting(AuditEvent::action)
        .contains("user.unlock");
  }

  @Test
  void tenFailedBasicSignInsLockTheAccountAndTheApiSaysSo() {
    account("lock.basic");
    for (int i = 1; i <= 10; i++) {
      WebPeer client = new WebPeer(port).from("203.0.113." + (i / 4 + 1));
      WebPeer.Answer failed = client.getWithBasic("/api/v1/me", "lock.basic", "Wrong#2026in");
      assertThat(failed.status()).as("attempt %d", i).isEqualTo(401);
      assertThat(failed.body()).contains("\"unauthorized\"");
    }
    assertThat(user("lock.basic").isLocked()).isTrue();
    WebPeer client = new WebPeer(port).from("203.0.113.9");
    WebPeer.Answer locked = client.getWithBasic("/api/v1/me", "lock.basic", PASSWORD);
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.body()).contains("\"account_locked\"", "锁定");

    // unlocked over the admin API, the client gets in; a success resets the count
    WebPeer admin = new WebPeer(port);
    WebPeer.Answer unlocked =
        admin.postWithBasic("/api/v1/admin/users/lock.basic/unlock", "admin", DEMO);
    assertThat(unlocked.status()).isEqualTo(200);
    assertThat(unlocked.body()).contains("\"locked\":false");
    assertThat(client.getWithBasic("/api/v1/me", "lock.basic", "Wrong#2026in").status())
        .isEqualTo(401);
    assertThat(user("lock.basic").getFailedLogins()).isEqualTo(1);
    WebPeer.Answer me = client.getWithBasic("/api/v1/me", "lock.basic", PASSWORD);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"lock.basic\"");
    assertThat(user("lock.basic").getFailedLogins()).isZero();
    assertThat(signIns("lock.basic"))
        .extracting(AuditEvent::action)
        .contains("login.failed", "login.locked")
        .doesNotContain("login.success"); // Basic clients: their actions are audited, not each call
  }

  @Test
  void rapidFailuresOfOneNameAndAddressAreThrottledWithoutTellingWhetherTheNameExists() {
    account("throttle.me");
    WebPeer browser = new WebPeer(port).from("192.0.2.10");
    WebPeer.Answer unknown = browser.signIn("nobody.here", "Wrong#2026in");
    WebPeer.Answer wrong = browser.signIn("throttle.me", "Wrong#2026in");
    assertThat(unknown.location()).isEqualTo(wrong.location()).endsWith("/login?error");
    assertThat(browser.get("/login?error").body()).contains("用户名或密码错误");
    WebPeer api = new WebPeer(port).from("192.0.2.10");
    WebPeer.Answer unknownApi = api.getWithBasic("/api/v1/me", "nobody.here", "Wrong#2026in");
    WebPeer.Answer wrongApi = api.getWithBasic("/api/v1/me", "throttle.me", "Wrong#2026in");
    assertThat(unknownApi.status()).isEqualTo(wrongApi.status()).isEqualTo(401);
    assertThat(unknownApi.body()).isEqualTo(wrongApi.body());

    // five failures of this name from this address within a minute (two above, three here)
    for (int i = 0; i < 3; i++) {
      assertThat(browser.signIn("throttle.me", "Wrong#2026in").location()).endsWith("?error");
    }
    WebPeer.Answer throttled = browser.signIn("throttle.me", PASSWORD);
    assertThat(throttled.location()).endsWith("/login?throttled");
    assertThat(browser.get("/login?throttled").body()).contains("登录失败次数过多");
    WebPeer.Answer tooMany = api.getWithBasic("/api/v1/me", "throttle.me", PASSWORD);
    assertThat(tooMany.status()).isEqualTo(429);
    assertThat(Integer.parseInt(tooMany.retry())).isBetween(1, 60);
    assertThat(tooMany.body()).contains("\"too_many_requests\"");
    // refused without checking: not counted towards the lock-out
    assertThat(user("throttle.me").getFailedLogins()).isEqualTo(5);
    assertThat(signIns("throttle.me"))
        .filteredOn(e -> e.action().equals("login.throttled"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.remoteAddress()).isEqualTo("192.0.2.10"));
    assertThat(signIns("nobody.here")).extracting(AuditEvent::detail).contains("unknown account");

    // the same name from another address is not held up, and a success resets the count
    WebPeer elsewhere = new WebPeer(port).from("192.0.2.11");
    assertThat(elsewhere.signIn("throttle.me", PASSWORD).location()).endsWith("/portal");
    assertThat(user("throttle.me").getFailedLogins()).isZero();
  }

  @Test
  void aDisabledAccountGetsTheUsualAnswerAndTheRefusalIsAudited() {
    account("gone.soon");
    administration.disable("gone.soon", "admin");
    WebPeer browser = new WebPeer(port).from("192.0.2.30");
    assertThat(browser.signIn("gone.soon", PASSWORD).location()).endsWith("/login?error");
    assertThat(new WebPeer(port).getWithBasic("/api/v1/me", "gone.soon", PASSWORD).body())
        .contains("\"unauthorized\"");
    assertThat(signIns("gone.soon"))
        .extracting(AuditEvent::action)
        .containsExactly("login.disabled", "login.disabled");
    assertThat(user("gone.soon").getFailedLogins()).isZero();
  }

  @Test
  void signInGivesANewSessionIdAndSignOutEndsTheSession() {
    account("session.user");
    WebPeer browser = new WebPeer(port);
    WebPeer.Answer login = browser.get("/login");
    String before = browser.cookie();
    assertThat(before).isNotNull();
    assertThat(login.setCookies()).anySatisfy(c -> assertThat(c).startsWith("CIVICFLOW_SESSION="));

    WebPeer.Answer signedIn =
        browser.submit(
            "/login", login.body(), Map.of("username", "session.user", "password", PASSWORD));
    assertThat(signedIn.location()).endsWith("/portal");
    String after = browser.cookie();
    assertThat(after).isNotNull().isNotEqualTo(before);
    String cookie =
        signedIn.setCookies().stream()
            .filter(c -> c.startsWith("CIVICFLOW_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    assertThat(sessionRows(WebPeer.sessionId(before))).isZero();
    assertThat(sessionRows(WebPeer.sessionId(after))).isOne();
    assertThat(
            jdbc.queryForObject(
                "SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = ?",
                Integer.class,
                WebPeer.sessionId(after)))
        .as("server.servlet.session.timeout")
        .isEqualTo(1800);

    // the id from before the sign-in is worth nothing; the new one is the person's
    assertThat(new WebPeer(port).withCookie(before).get("/portal/inbox").status()).isEqualTo(302);
    WebPeer.Answer inbox = new WebPeer(port).withCookie(after).get("/portal/inbox");
    assertThat(inbox.status()).isEqualTo(200);
    assertThat(inbox.body()).contains("测试session.user");

    // sign-out ends the session everywhere, and a browser coming back with it is told it expired
    WebPeer.Answer out = browser.submit("/logout", inbox.body(), Map.of());
    assertThat(out.location()).endsWith("/login?logout");
    assertThat(sessionRows(WebPeer.sessionId(after))).isZero();
    WebPeer stale = new WebPeer(port).withCookie(after);
    WebPeer.Answer again = stale.get("/portal/inbox");
    assertThat(again.status()).isEqualTo(302);
    assertThat(again.location()).contains("/login");
    assertThat(new WebPeer(port).withCookie(after).get("/login").body()).contains("会话已超时,请重新登录");
  }

  private int sessionRows(String sessionId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class, sessionId);
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndAudited() {
    WebPeer admin = new WebPeer(port).from("192.0.2.50");
    assertThat(admin.signIn("admin", DEMO).location()).endsWith("/portal");
    WebPeer.Answer noToken =
        admin.post("/admin/departments", Map.of("code", "CSRF1", "name", "伪造局"));
    assertThat(noToken.status()).isEqualTo(403);
    WebPeer.Answer badToken =
        admin.post("/admin/departments", Map.of("code", "CSRF1", "name", "伪造局", "_csrf", "forged"));
    assertThat(badToken.status()).isEqualTo(403);
    assertThat(departments.all()).extracting(Department::code).doesNotContain("CSRF1");
    assertThat(audit.forObject("path", "/admin/departments"))
        .filteredOn(e -> "192.0.2.50".equals(e.remoteAddress()))
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("http.POST");
              assertThat(e.actor()).isEqualTo("admin");
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.detail()).startsWith("status=403");
            });
    // with the token the same session gets through to the form's own checks
    WebPeer.Answer form = admin.get("/admin/departments");
    assertThat(admin.submit("/admin/departments", form.body(), Map.of("code", "")).status())
        .isEqualTo(400);
    // the sign-in form needs the token too
    WebPeer stranger = new WebPeer(port);
    stranger.get("/login");
    assertThat(stranger.post("/login", Map.of("username", "admin", "password", DEMO)).status())
        .isEqualTo(403);
  }

  @Test
  void theApiWantsTheCsrfTokenWheneverTheSessionCookieComesAlong() {
    // HTTP Basic never starts a session: let in, refused, or not signed in at all
    WebPeer client = new WebPeer(port).from("192.0.2.60");
    List<WebPeer.Answer> answers =
        List.of(
            client.getWithBasic("/api/v1/me", "registrar", DEMO),
            client.postJsonWithBasic(
                "/api/v1/proposals", "scjg.handler", DEMO, "{\"title\":\"越权登记\"}"),
            client.getWithBasic("/api/v1/me", "nobody.csrf", "Wrong#2026in"),
            client.get("/api/v1/tasks"),
            client.postJsonWithBasic("/api/v1/proposals", "registrar", DEMO, "{}"));
    assertThat(answers).extracting(WebPeer.Answer::status).containsExactly(200, 403, 401, 401, 400);
    assertThat(answers).allSatisfy(a -> assertThat(a.setCookies()).isEmpty());
    assertThat(client.cookie()).isNull();
    // without the session cookie, Basic needs no token: the last post reached the body's checks
    assertThat(answers.get(4).body()).contains("\"fields\"", "title");

    // the same client signed in in the portal: its cookie comes along, Basic or not
    WebPeer browser = new WebPeer(port).from("192.0.2.61");
    assertThat(browser.signIn("registrar", DEMO).location()).endsWith("/portal");
    WebPeer.Answer forged = browser.postJsonWithBasic("/api/v1/proposals", "registrar", DEMO, "{}");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    assertThat(browser.postJsonWithBasic("/api/v1/proposals", "admin", DEMO, "{}").status())
        .as("not even with another account's credentials")
        .isEqualTo(403);
    String token = WebPeer.csrf(browser.get("/portal/notices").body());
    WebPeer.Answer withToken =
        browser.postJsonWithBasic("/api/v1/proposals", "registrar", DEMO, "{}", token);
    assertThat(withToken.status()).isEqualTo(400);
    assertThat(withToken.body()).contains("\"fields\"", "title");
  }

  /** Thymeleaf adds the CSRF token to forms whose action it writes ({@code th:action}). */
  @Test
  void everyPostFormOfThePortalCarriesTheCsrfToken() throws IOException {
    Pattern form = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    int posts = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = form.matcher(Files.readString(f));
        while (m.find()) {
          String tag = m.group();
          if (tag.toLowerCase(java.util.Locale.ROOT).contains("method=\"post\"")) {
            posts++;
            assertThat(tag).as("%s: %s", f, tag).contains("th:action=");
          }
        }
      }
    }
    assertThat(posts).isGreaterThan(10);
  }
}
