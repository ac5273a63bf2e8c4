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
import org.civicflow.domain.identity.UserAdministration;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signing in as people and clients do it, over HTTP: lockouts of one user name and address that
 * nobody can use against a user (100 wrong passwords for {@code admin} from one address never keep
 * it out from another, and from that address for at most {@code lockout-max} after they stop), the
 * account-wide limit against spraying from many addresses, one answer for unknown name, wrong
 * password, locked address and disabled account, the administrator's view and early unlock, a new
 * session id at sign-in, a session that ends at sign-out, the session cookie's attributes, and CSRF
 * refusals that are audited.
 *
 * <p>The local address is a trusted proxy here, so {@code X-Forwarded-For} sets the client address:
 * that is how one test plays several addresses. Lockouts are seconds long here (real time, no moved
 * clock): {@value #LOCKOUT} s, doubled up to {@value #LOCKOUT_MAX} s.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      "civicflow.security.trusted-proxies=127.0.0.1,::1",
      "civicflow.security.lockout-after=5",
      "civicflow.security.lockout-duration=PT" + AuthenticationIT.LOCKOUT + "S",
      "civicflow.security.lockout-max=PT" + AuthenticationIT.LOCKOUT_MAX + "S",
      "civicflow.security.account-limit.failures=40",
      "civicflow.security.account-limit.pace=PT30S"
    })
class AuthenticationIT {

  static final String DEMO = "Demo@12345";
  static final String PASSWORD = "Sign#2026in";
  static final String WRONG = "Wrong#2026in";
  static final int LOCKOUT = 8;
  static final int LOCKOUT_MAX = 16;

  @LocalServerPort int port;
  @Autowired UserManagement management;
  @Autowired UserAdministration administration;
  @Autowired UserDirectory users;
  @Autowired AuditLog audit;
  @Autowired DepartmentDirectory departments;
  @Autowired JdbcTemplate jdbc;

  /** An account that needs no password change (as if the person had set it). */
  private void account(String username) {
    management.create(
        new NewUser(
            username, "测试" + username, PASSWORD, null, Set.of(Role.PROPOSER), null, null, null),
        false);
  }

  private List<AuditEvent> signIns(String username) {
    return audit.forObject("login", username);
  }

  @Test
  void aHundredWrongPasswordsFromOneAddressNeverKeepAdminOutFromAnotherAndOnlyForAWhileThere()
      throws InterruptedException {
    WebPeer attacker = new WebPeer(port).from("198.51.100.66");
    WebPeer.Answer first = attacker.getWithBasic("/api/v1/me", "admin", WRONG);
    for (int i = 1; i < 100; i++) {
      WebPeer.Answer refused =
          i % 2 == 0
              ? attacker.getWithBasic("/api/v1/me", "admin", WRONG)
              : attacker.signIn("admin", WRONG);
      if (i % 2 == 0) {
        assertThat(refused.status()).as("attempt %d", i).isEqualTo(401);
        assertThat(refused.body()).as("attempt %d", i).isEqualTo(first.body());
      } else {
        assertThat(refused.location()).as("attempt %d", i).endsWith("/login?error");
      }
      // admin from elsewhere is never held up, at any moment of the attack
      if (i % 25 == 0) {
        assertThat(
                new WebPeer(port)
                    .from("192.0.2." + i)
                    .getWithBasic("/api/v1/me", "admin", DEMO)
                    .status())
            .as("admin from another address after %d wrong passwords", i)
            .isEqualTo(200);
      }
    }
    long stopped = System.nanoTime();
    // most attempts were refused unchecked, none of them extending the lock
    List<AuditEvent> fromAttacker =
        signIns("admin").stream().filter(e -> "198.51.100.66".equals(e.remoteAddress())).toList();
    long checked = fromAttacker.stream().filter(e -> e.action().equals("login.failed")).count();
    long unchecked = fromAttacker.stream().filter(e -> e.action().equals("login.locked")).count();
    assertThat(checked + unchecked).isEqualTo(100);
    assertThat(checked).isGreaterThanOrEqualTo(5).isLessThan(50);
    assertThat(fromAttacker)
        .filteredOn(e -> e.action().equals("login.failed"))
        .first()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("failures=1"));
    assertThat(fromAttacker)
        .filteredOn(e -> e.action().equals("login.failed"))
        .element(4)
        .satisfies(e -> assertThat(e.detail()).contains("failures=0; address locked until"));
    WebPeer office = new WebPeer(port).from("192.0.2.200");
    assertThat(office.signIn("admin", DEMO).location()).endsWith("/portal");
    assertThat(office.get("/admin/users").status()).isEqualTo(200);

    // from the attacker's address, admin gets in again at most lockout-max after the attack
    WebPeer sameAddress = new WebPeer(port).from("198.51.100.66");
    long deadline = stopped + (LOCKOUT_MAX + 3) * 1_000_000_000L;
    int status;
    do {
      status = sameAddress.getWithBasic("/api/v1/me", "admin", DEMO).status();
      if (status != 200) {
        Thread.sleep(200);
      }
    } while (status != 200 && System.nanoTime() < deadline);
    assertThat(status).isEqualTo(200);
    double waited = (System.nanoTime() - stopped) / 1e9;
    assertThat(waited).isLessThanOrEqualTo(LOCKOUT_MAX + 1.5);
  }

  @Test
  void unknownNameWrongPasswordLockedAddressAndDisabledAccountGetTheSameAnswer() {
    account("same.answer");
    account("gone.soon");
    administration.disable("gone.soon", "admin");
    // the locked pair: five failures, then the right password from the same address
    WebPeer locked = new WebPeer(port).from("192.0.2.31");
    for (int i = 0; i < 5; i++) {
      locked.getWithBasic("/api/v1/me", "same.answer", WRONG);
    }
    WebPeer.Answer lockedApi = locked.getWithBasic("/api/v1/me", "same.answer", PASSWORD);
    WebPeer.Answer lockedForm = locked.signIn("same.answer", PASSWORD);

    WebPeer other = new WebPeer(port).from("192.0.2.32");
    WebPeer.Answer unknownApi = other.getWithBasic("/api/v1/me", "nobody.here", WRONG);
    WebPeer.Answer wrongApi = other.getWithBasic("/api/v1/me", "same.answer", WRONG);
    WebPeer.Answer disabledApi = other.getWithBasic("/api/v1/me", "gone.soon", PASSWORD);
    WebPeer.Answer anonymousApi = other.get("/api/v1/me");
    for (WebPeer.Answer a : List.of(lockedApi, unknownApi, wrongApi, disabledApi, anonymousApi)) {
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.body()).isEqualTo(wrongApi.body());
      assertThat(a.retry()).isNull();
    }
    assertThat(wrongApi.body()).contains("\"unauthorized\"");

    WebPeer.Answer unknownForm = other.signIn("nobody.here", WRONG);
    WebPeer.Answer wrongForm = other.signIn("same.answer", WRONG);
    WebPeer.Answer disabledForm = other.signIn("gone.soon", PASSWORD);
    for (WebPeer.Answer a : List.of(lockedForm, unknownForm, wrongForm, disabledForm)) {
      assertThat(a.status()).isEqualTo(302);
      assertThat(a.location()).isEqualTo(wrongForm.location()).endsWith("/login?error");
    }
    assertThat(other.get("/login?error").body()).contains("用户名或密码错误");

    // the audit log says which, for the administrator
    assertThat(signIns("same.answer"))
        .extracting(AuditEvent::action)
        .contains("login.failed", "login.locked");
    assertThat(signIns("nobody.here"))
        .extracting(AuditEvent::detail)
        .allSatisfy(d -> assertThat(d).startsWith("unknown account"));
    assertThat(signIns("gone.soon"))
        .extracting(AuditEvent::action)
        .containsExactly("login.disabled", "login.disabled");
    // the person is still welcome from another address
    assertThat(new WebPeer(port).from("192.0.2.33").signIn("same.answer", PASSWORD).location())
        .endsWith("/portal");
  }

  @Test
  void anUnknownNameLocksExactlyLikeAKnownOne() {
    account("real.name");
    for (String name : List.of("real.name", "made.up.name")) {
      WebPeer peer = new WebPeer(port).from("192.0.2.41");
      for (int i = 0; i < 5; i++) {
        assertThat(peer.getWithBasic("/api/v1/me", name, WRONG).status()).isEqualTo(401);
      }
      peer.getWithBasic("/api/v1/me", name, WRONG);
      assertThat(signIns(name))
          .extracting(AuditEvent::action)
          .as(name)
          .containsExactly(
              "login.failed",
              "login.failed",
              "login.failed",
              "login.failed",
              "login.failed",
              "login.locked");
    }
  }

  @Test
  void sprayingFromManyAddressesPacesNewAddressesWithoutLockingTheAccountForItsOwner() {
    account("spray.target");
    WebPeer home = new WebPeer(port).from("10.20.30.40");
    assertThat(home.getWithBasic("/api/v1/me", "spray.target", PASSWORD).status()).isEqualTo(200);
    // forty addresses, one guess each: no address locks, the account-wide limit is reached
    for (int i = 0; i < 40; i++) {
      WebPeer bot = new WebPeer(port).from("203.0.113." + (i + 1));
      assertThat(bot.getWithBasic("/api/v1/me", "spray.target", WRONG).status()).isEqualTo(401);
    }
    // one more guess takes the paced check; right after it, even the right password from a new
    // address is refused unchecked (the same answer) ...
    new WebPeer(port).from("203.0.113.100").getWithBasic("/api/v1/me", "spray.target", WRONG);
    WebPeer.Answer newAddress =
        new WebPeer(port)
            .from("198.51.100.200")
            .getWithBasic("/api/v1/me", "spray.target", PASSWORD);
    assertThat(newAddress.status()).isEqualTo(401);
    assertThat(signIns("spray.target"))
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("login.paced");
              assertThat(e.remoteAddress()).isEqualTo("198.51.100.200");
            });
    // ... while the owner's usual address is not held up: the account is not locked for everyone
    for (int i = 0; i < 3; i++) {
      assertThat(home.getWithBasic("/api/v1/me", "spray.target", PASSWORD).status()).isEqualTo(200);
      assertThat(new WebPeer(port).from("10.20.30.40").signIn("spray.target", PASSWORD).location())
          .endsWith("/portal");
    }
  }

  @Test
  void theAdministratorSeesLockedAddressesAndUnlocksThemEarly() {
    account("lock.me");
    // .11 last: its lock is the one still in force when the administrator lifts it below
    for (String address : List.of("198.51.100.12", "198.51.100.11")) {
      WebPeer peer = new WebPeer(port).from(address);
      for (int i = 0; i < 5; i++) {
        peer.getWithBasic("/api/v1/me", "lock.me", WRONG);
      }
    }
    WebPeer admin = new WebPeer(port).from("192.0.2.60");
    WebPeer.Answer list = admin.getWithBasic("/api/v1/admin/users", "admin", DEMO);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .containsPattern(
            "\"username\":\"lock.me\"[^{}]*?\"locked\":true,\"lockedAddresses\":\\[\\{\"address\":"
                + "\"198.51.100.11\",\"until\":\"[^\"]+\"\\},\\{\"address\":\"198.51.100.12\"");
    assertThat(admin.signIn("admin", DEMO).location()).endsWith("/portal");
    WebPeer.Answer page = admin.get("/admin/users");
    assertThat(page.body()).contains("198.51.100.11", "198.51.100.12");
    WebPeer.Answer account = admin.get("/admin/users/lock.me");
    assertThat(account.body()).contains("/admin/users/lock.me/unlock", "198.51.100.11");
    Matcher until =
        Pattern.compile("\"address\":\"198.51.100.11\",\"until\":\"([^\"]+)\"")
            .matcher(list.body());
    assertThat(until.find()).isTrue();
    assertThat(admin.submit("/admin/users/lock.me/unlock", account.body(), Map.of()).status())
        .isEqualTo(302);
    // lifted before it would have ended by itself
    assertThat(java.time.Instant.now()).isBefore(java.time.Instant.parse(until.group(1)));
    assertThat(admin.get("/admin/users/lock.me").body()).doesNotContain("locked-addresses");

    WebPeer person = new WebPeer(port).from("198.51.100.11");
    assertThat(person.signIn("lock.me", PASSWORD).location()).endsWith("/portal");
    assertThat(person.get("/portal/mine").status()).isEqualTo(200);
    assertThat(signIns("lock.me").get(signIns("lock.me").size() - 1))
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("login.success");
              assertThat(e.actor()).isEqualTo("lock.me");
              assertThat(e.result()).isEqualTo(AuditLog.OK);
              assertThat(e.remoteAddress()).isEqualTo("198.51.100.11");
            });
    assertThat(audit.forObject("user", "lock.me"))
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("user.unlock");
              assertThat(e.detail()).contains("198.51.100.11", "198.51.100.12");
            });
    // the API's unlock (kept) answers with the account, no lock left
    WebPeer.Answer unlocked =
        new WebPeer(port).postWithBasic("/api/v1/admin/users/lock.me/unlock", "admin", DEMO);
    assertThat(unlocked.status()).isEqualTo(200);
    assertThat(unlocked.body()).contains("\"locked\":false", "\"lockedAddresses\":[]");
  }

  @Test
  void anAccountTheAdministratorCreatedMustChangeItsPasswordOverTheApiFirst() {
    WebPeer admin = new WebPeer(port);
    WebPeer.Answer created =
        admin.postJsonWithBasic(
            "/api/v1/admin/users",
            "admin",
            DEMO,
            "{\"username\":\"new.client\",\"displayName\":\"新客户端\",\"password\":\""
                + PASSWORD
                + "\",\"roles\":[\"PROPOSER\"]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).contains("\"mustChangePassword\":true");

    WebPeer client = new WebPeer(port).from("192.0.2.70");
    for (String path : List.of("/api/v1/me", "/api/v1/proposals", "/api/v1/tasks")) {
      WebPeer.Answer held = client.getWithBasic(path, "new.client", PASSWORD);
      assertThat(held.status()).as(path).isEqualTo(403);
      assertThat(held.body())
          .as(path)
          .startsWith("{\"status\":403,\"error\":\"password_change_required\",\"message\":");
    }
    String change = "/api/v1/me/password";
    WebPeer.Answer wrongCurrent =
        client.postJsonWithBasic(
            change,
            "new.client",
            PASSWORD,
            "{\"currentPassword\":\"Nope#2026xx\",\"newPassword\":\"Mine#2026abc\"}");
    assertThat(wrongCurrent.status()).isEqualTo(400);
    assertThat(wrongCurrent.body()).contains("\"currentPassword\"");
    WebPeer.Answer unchanged =
        client.postJsonWithBasic(
            change,
            "new.client",
            PASSWORD,
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + PASSWORD + "\"}");
    assertThat(unchanged.status()).isEqualTo(400);
    assertThat(unchanged.body()).contains("\"newPassword\"");
    WebPeer.Answer done =
        client.postJsonWithBasic(
            change,
            "new.client",
            PASSWORD,
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Mine#2026abc\"}");
    assertThat(done.status()).isEqualTo(204);

    WebPeer.Answer me = client.getWithBasic("/api/v1/me", "new.client", "Mine#2026abc");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"new.client\"");
    assertThat(client.getWithBasic("/api/v1/me", "new.client", PASSWORD).status()).isEqualTo(401);
    assertThat(users.find("new.client").orElseThrow().isMustChangePassword()).isFalse();
    assertThat(audit.forObject("user", "new.client"))
        .extracting(AuditEvent::action)
        .containsExactly("user.create", "user.changePassword");
  }

  @Test
  void aPasswordTheAdministratorSetLeadsThePersonToThePasswordPageFirst() {
    account("reset.me");
    WebPeer admin = new WebPeer(port).from("192.0.2.81");
    assertThat(admin.signIn("admin", DEMO).location()).endsWith("/portal");
    WebPeer.Answer page = admin.get("/admin/users/reset.me");
    assertThat(
            admin
                .submit(
                    "/admin/users/reset.me/password",
                    page.body(),
                    Map.of("password", "Given#2026pw"))
                .status())
        .isEqualTo(302);
    assertThat(admin.get("/admin/users/reset.me").body()).contains("须修改密码");

    WebPeer person = new WebPeer(port).from("192.0.2.80");
    assertThat(person.signIn("reset.me", "Given#2026pw").location()).endsWith("/portal");
    for (String path : List.of("/portal", "/portal/mine", "/portal/inbox", "/admin/users")) {
      WebPeer.Answer held = person.get(path);
      assertThat(held.status()).as(path).isEqualTo(302);
      assertThat(held.location()).as(path).endsWith("/portal/password");
    }
    assertThat(person.get("/api/v1/me").status()).isEqualTo(403);
    assertThat(person.get("/").status()).isEqualTo(200);
    WebPeer.Answer form = person.get("/portal/password");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("请先设置您自己的密码");

    WebPeer.Answer weak =
        person.submit(
            "/portal/password",
            form.body(),
            Map.of(
                "currentPassword",
                "Given#2026pw",
                "newPassword",
                "short",
                "confirmPassword",
                "short"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("密码长度须为10至128位");
    WebPeer.Answer mismatch =
        person.submit(
            "/portal/password",
            form.body(),
            Map.of(
                "currentPassword",
                "Given#2026pw",
                "newPassword",
                "Mine#2026own",
                "confirmPassword",
                "Mine#2026owm"));
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body()).contains("两次输入的新密码不一致");
    WebPeer.Answer changed =
        person.submit(
            "/portal/password",
            form.body(),
            Map.of(
                "currentPassword",
                "Given#2026pw",
                "newPassword",
                "Mine#2026own",
                "confirmPassword",
                "Mine#2026own"));
    assertThat(changed.status()).isEqualTo(302);
    assertThat(changed.location()).endsWith("/portal/password");
    assertThat(person.get("/portal/password").body()).contains("密码已修改");
    // the same session goes on, now unhindered
    assertThat(person.get("/portal/mine").status()).isEqualTo(200);
    assertThat(person.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(users.find("reset.me").orElseThrow().isMustChangePassword()).isFalse();
    WebPeer again = new WebPeer(port).from("192.0.2.80");
    assertThat(again.signIn("reset.me", "Mine#2026own").location()).endsWith("/portal");
    assertThat(again.get("/portal/mine").status()).isEqualTo(200);
  }

  @Test
  void theDemoAccountsNeedNoPasswordChange() {
    assertThat(users.all())
        .filteredOn(u -> u.getEmail() != null && u.getEmail().endsWith("@civicflow.example.org"))
        .hasSizeGreaterThanOrEqualTo(18)
        .allSatisfy(u -> assertThat(u.isMustChangePassword()).as(u.getUsername()).isFalse());
    assertThat(
            new WebPeer(port)
                .from("192.0.2.90")
                .getWithBasic("/api/v1/me", "scjg.handler", DEMO)
                .status())
        .isEqualTo(200);
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
            if (tag.contains("th:attr=\"action=@{/verify}\"")) {
              // the public letter check: changes nothing, answers only the one who asked, and is
              // the one path exempt from CSRF (SecurityConfiguration), so no session is made
              continue;
            }
            assertThat(tag).as("%s: %s", f, tag).contains("th:action=");
          }
        }
      }
    }
    assertThat(posts).isGreaterThan(10);
  }
}
