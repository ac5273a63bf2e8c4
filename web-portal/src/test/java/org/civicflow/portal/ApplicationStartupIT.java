package org.civicflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The whole application starts on the active database with the demo data and the models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStartupIT {

  @Autowired TestRestTemplate http;
  @Autowired UserDirectory users;
  @Autowired PasswordEncoder passwords;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  @Test
  void healthIsUpAndTheHomePageIsPublic() {
    assertThat(http.getForObject("/actuator/health", String.class)).contains("\"UP\"");
    ResponseEntity<String> home = http.getForEntity("/", String.class);
    assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(home.getBody()).contains("建议提案办理结果公开").contains("政务公开");
    assertThat(home.getHeaders().getFirst("Content-Security-Policy"))
        .doesNotContain("unsafe-inline");
  }

  @Test
  void portalNeedsSignIn() {
    // the client follows the redirect: an anonymous visitor ends on the sign-in form
    ResponseEntity<String> portal = http.getForEntity("/portal", String.class);
    assertThat(portal.getBody()).contains("name=\"password\"").doesNotContain("user-bar");
  }

  @Test
  void demoAccountsExistWithBcryptPasswordsAndRoles() {
    var handler = users.find("scjg.handler").orElseThrow();
    assertThat(handler.getPasswordHash()).startsWith("$2a$");
    assertThat(passwords.matches("Demo@12345", handler.getPasswordHash())).isTrue();
    assertThat(handler.getRoles()).containsExactly(Role.HANDLER);
    assertThat(handler.getDepartmentCode()).isEqualTo("SCJG");
    assertThat(users.find("deputy.jinmiao").orElseThrow().getDelegation()).isEqualTo("昌图县");
    for (String dept : List.of("scjg", "swj", "wxb", "gaj", "jyj")) {
      for (String role : List.of("handler", "reviewer", "leader")) {
        assertThat(users.find(dept + "." + role)).as(dept + "." + role).isPresent();
      }
    }
    assertThat(users.find("admin")).isPresent();
    assertThat(users.find("registrar")).isPresent();
  }

  @Test
  void camundaSeesOurUsersAndGroups() {
    List<User> scjgHandlers = identity.createUserQuery().memberOfGroup("SCJG-handler").list();
    // the Spring context is shared: accounts other tests add to SCJG are members too
    assertThat(scjgHandlers)
        .extracting(User::getId)
        .contains("scjg.handler")
        .containsExactlyInAnyOrderElementsOf(
            users.withRole(Role.HANDLER, "SCJG").stream()
                .filter(org.civicflow.domain.identity.User::isEnabled)
                .map(org.civicflow.domain.identity.User::getUsername)
                .toList());
    assertThat(identity.createGroupQuery().groupMember("scjg.leader").list())
        .extracting(g -> g.getId())
        .containsExactlyInAnyOrder("leader", "SCJG", "SCJG-leader");
    assertThat(identity.checkPassword("registrar", "Demo@12345")).isTrue();
    assertThat(identity.checkPassword("registrar", "wrong")).isFalse();
  }

  @Test
  void theBuiltInModelsAreDeployed() {
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("proposalHandling")
                .count())
        .isPositive();
    assertThat(
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("handlingDeadline")
                .count())
        .isPositive();
  }
}
