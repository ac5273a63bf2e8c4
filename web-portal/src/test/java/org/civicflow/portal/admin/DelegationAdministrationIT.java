package org.civicflow.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.delegation.Delegation;
import org.civicflow.domain.delegation.Delegations;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The list of delegations and sectors imports accept, as an admin keeps it: added and removed
 * through the page, audited, a blank name refused naming the field, and nobody else gets in.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class DelegationAdministrationIT {

  static final String DEMO = "Demo@12345";

  @LocalServerPort int port;
  @Autowired Delegations delegations;
  @Autowired AuditLog audit;

  private boolean listed(SessionKind kind, String name) {
    return delegations.all().stream()
        .map(Delegation::name)
        .anyMatch(n -> n.equals(name) && delegations.isKnown(kind, name));
  }

  @Test
  void anAdminAddsAndRemovesADelegation() {
    PortalSession admin = PortalSession.signIn(port, "admin", DEMO);
    PortalSession.Page page = admin.get("/admin/delegations");
    assertThat(page.status()).isEqualTo(200);

    // a name of its own: the context is shared, and imports in other tests use the demo list
    String name = "测试代表团" + System.nanoTime() % 100000;
    PortalSession.Page added =
        admin.post(
            "/admin/delegations", page.body(), Map.of("kind", "NPC", "name", " " + name + " "));
    assertThat(added.status()).isEqualTo(302);
    assertThat(listed(SessionKind.NPC, name)).isTrue();
    assertThat(admin.get("/admin/delegations").body()).contains(name);
    assertThat(audit.forObject("delegation", "NPC:" + name))
        .extracting(e -> e.action())
        .contains("delegation.add");

    PortalSession.Page removed =
        admin.post(
            "/admin/delegations/delete",
            admin.get("/admin/delegations").body(),
            Map.of("kind", "NPC", "name", name));
    assertThat(removed.status()).isEqualTo(302);
    assertThat(delegations.all()).extracting(Delegation::name).doesNotContain(name);
    assertThat(audit.forObject("delegation", "NPC:" + name))
        .extracting(e -> e.action())
        .contains("delegation.remove");
  }

  @Test
  void aBlankNameOrUnknownBodyIsRefusedNamingTheFieldAndNothingIsSaved() {
    PortalSession admin = PortalSession.signIn(port, "admin", DEMO);
    int before = delegations.all().size();
    PortalSession.Page blank =
        admin.post(
            "/admin/delegations",
            admin.get("/admin/delegations").body(),
            Map.of("kind", "CPPCC", "name", "  "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("err-name");
    PortalSession.Page body =
        admin.post(
            "/admin/delegations",
            admin.get("/admin/delegations").body(),
            Map.of("kind", "SENATE", "name", "某界别"));
    assertThat(body.status()).isEqualTo(400);
    assertThat(body.body()).contains("err-kind");
    assertThat(delegations.all()).hasSize(before);
  }

  @Test
  void onlyAdminsReachTheList() {
    for (String user : new String[] {"registrar", "scjg.handler", "deputy.jinmiao"}) {
      PortalSession other = PortalSession.signIn(port, user, DEMO);
      assertThat(other.get("/admin/delegations").status()).as(user).isEqualTo(403);
    }
    assertThat(PortalSession.anonymous(port).get("/admin/delegations").status()).isEqualTo(302);
  }
}
