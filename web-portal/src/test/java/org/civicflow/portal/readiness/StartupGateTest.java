package org.civicflow.portal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * Until its start-up work is done, and while it lacks a seal key in use, a node answers 503 with a
 * message from the bundles to everything but the public site and health.
 */
class StartupGateTest {

  private final UnknownSealKeys unknownKeys =
      new UnknownSealKeys(
          new SealKeys("0123456789abcdef0123456789abcdef".getBytes(), List.of()),
          List.of(),
          Clock.systemUTC(),
          event -> {});
  private final StartupGate gate =
      new StartupGate(
          unknownKeys, messages(), new FixedLocaleResolver(java.util.Locale.SIMPLIFIED_CHINESE));

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages-integrity");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  private MockHttpServletResponse get(String path) throws Exception {
    return send("GET", path);
  }

  private MockHttpServletResponse post(String path) throws Exception {
    return send("POST", path);
  }

  private MockHttpServletResponse send(String method, String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean passed = new AtomicBoolean();
    FilterChain chain = (req, res) -> passed.set(true);
    gate.doFilter(request, response, chain);
    if (passed.get()) {
      response.setStatus(200);
    }
    return response;
  }

  private void started() {
    gate.readiness(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
  }

  @Test
  void beforeStartUpIsDoneOnlyThePublicSiteAndHealthAnswer() throws Exception {
    for (String open :
        List.of(
            "/",
            "/public/replies/7",
            "/api/v1/public/replies",
            "/css/site.css",
            "/actuator/health/readiness")) {
      assertThat(get(open).getStatus()).as(open).isEqualTo(200);
    }
    MockHttpServletResponse api = get("/api/v1/tasks");
    assertThat(api.getStatus()).isEqualTo(503);
    assertThat(api.getHeader("Retry-After")).isNotBlank();
    assertThat(api.getContentAsString(StandardCharsets.UTF_8))
        .contains("\"error\":\"not_ready\"")
        .contains("系统正在启动");
    MockHttpServletResponse page = get("/portal/inbox");
    assertThat(page.getStatus()).isEqualTo(503);
    assertThat(page.getContentAsString(StandardCharsets.UTF_8))
        .contains("系统正在启动")
        .doesNotContain("Exception");
    assertThat(get("/login").getStatus()).as("not even signing in").isEqualTo(503);
    assertThat(get("/publicity").getStatus()).as("only whole path segments").isEqualTo(503);

    started();
    assertThat(get("/api/v1/tasks").getStatus()).isEqualTo(200);
    assertThat(get("/portal/inbox").getStatus()).isEqualTo(200);
  }

  @Test
  void aNodeThatLacksASealKeyServesOnlyThePublicSiteSignInAndTheIntegrityPage() throws Exception {
    started();
    unknownKeys.met("ffffffffffffffff", "published reply 1");
    assertThat(get("/api/v1/tasks").getStatus()).isEqualTo(503);
    assertThat(get("/api/v1/tasks").getContentAsString(StandardCharsets.UTF_8))
        .contains("缺少集群的印章密钥");
    assertThat(get("/portal/inbox").getStatus()).isEqualTo(503);
    assertThat(get("/admin/models").getStatus()).isEqualTo(503);
    assertThat(get("/login").getStatus()).isEqualTo(200);
    assertThat(get("/admin/integrity").getStatus()).isEqualTo(200);
    assertThat(post("/admin/integrity/7/resolve").getStatus()).as("no change").isEqualTo(503);
    assertThat(post("/admin/integrity/verification").getStatus()).isEqualTo(503);
    assertThat(post("/login").getStatus()).isEqualTo(200);
    assertThat(get("/public/replies/1").getStatus()).isEqualTo(200);
  }
}
