package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.civicflow.CivicFlowApplication;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserAdministration;
import org.civicflow.domain.identity.UserManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one database: a person signs in on node A, node B accepts the session cookie (the
 * session is in the database, Spring Session JDBC), and it still does after node A is gone.
 * Disabling the account through node B then ends the session (the session version check works on
 * sessions stored in the database). Always on H2 (a named in-memory database both nodes share).
 */
class SharedSessionIT {

  static final String PASSWORD = "Shared#2026ok";
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startTwoNodes() {
    String url =
        "jdbc:h2:mem:shared-sessions-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    nodeA = start(url);
    nodeB = start(url);
  }

  @AfterAll
  static void stop() {
    if (nodeA != null && nodeA.isActive()) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(CivicFlowApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=sa",
            "--spring.datasource.password=",
            "--civicflow.demo=false",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.generate-unique-process-engine-name=true");
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  @Test
  void aSessionStartedOnOneNodeIsAcceptedByTheOtherAndOutlivesTheFirst() {
    nodeA
        .getBean(UserManagement.class)
        .create(
            new NewUser(
                "two.nodes", "双节点", PASSWORD, null, Set.of(Role.REGISTRAR), null, null, null),
            false);
    WebPeer onA = new WebPeer(port(nodeA));
    assertThat(onA.signIn("two.nodes", PASSWORD).location()).endsWith("/portal");
    String cookie = onA.cookie();

    WebPeer onB = new WebPeer(port(nodeB)).withCookie(cookie);
    WebPeer.Answer inbox = onB.get("/portal/inbox");
    assertThat(inbox.status()).isEqualTo(200);
    assertThat(inbox.body()).contains("双节点");
    assertThat(onB.get("/api/v1/me").body()).contains("\"username\":\"two.nodes\"");

    nodeA.close();
    assertThat(onB.get("/portal/inbox").status()).isEqualTo(200);

    // disabled through node B: the session ends on its next request
    nodeB.getBean(UserAdministration.class).disable("two.nodes", "admin");
    WebPeer.Answer after = onB.get("/portal/inbox");
    assertThat(after.status()).isEqualTo(302);
    assertThat(after.location()).contains("/login");
  }
}
