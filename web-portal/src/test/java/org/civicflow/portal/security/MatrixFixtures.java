package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;

/** Proposals and accounts that the security suites need, made through the API as people do. */
final class MatrixFixtures {

  static final String SESSION = "市九届人大一次会议";

  private final Visitor registrar;

  MatrixFixtures(Visitor registrar) {
    this.registrar = registrar;
  }

  /** A second proposer (the demo has one), so that "only their own" can be checked. */
  static void ensureProposer(UserManagement management, UserDirectory users, String username) {
    if (users.find(username).isEmpty()) {
      management.create(
          new NewUser(
              username,
              "测试代表",
              Visitor.PASSWORD,
              null,
              EnumSet.of(Role.PROPOSER),
              "银州区",
              null,
              null),
          true);
    }
  }

  static Map<String, Object> proposal(String number, String title, String proposerUsername) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", SESSION);
    body.put("number", number);
    body.put("type", "SUGGESTION");
    body.put("title", title);
    body.put("content", "建议内容。");
    body.put("proposer", "金淼");
    body.put("proposerUsername", proposerUsername);
    body.put("delegation", "昌图县");
    body.put("submittedAt", "2021-12-29");
    return body;
  }

  long register(String title, String proposerUsername) {
    String number = "M" + System.nanoTime() % 1_000_000_000L;
    Visitor.Answer a =
        registrar.postJson("/api/v1/proposals", proposal(number, title, proposerUsername));
    assertThat(a.status()).as("register: %s", a).isEqualTo(201);
    return ((Number) a.json().get("id")).longValue();
  }

  /** The only open task of that key on the proposal in the person's inbox. */
  @SuppressWarnings("unchecked")
  static String task(Visitor who, long proposalId, String key) {
    Visitor.Answer a = who.get("/api/v1/tasks?size=200&proposal=" + proposalId);
    assertThat(a.status()).as("inbox: %s", a).isEqualTo(200);
    List<Map<String, Object>> items =
        ((List<Map<String, Object>>) a.json().get("items"))
            .stream().filter(t -> key.equals(t.get("key"))).toList();
    assertThat(items).as("%s has one %s on %s", who.name, key, proposalId).hasSize(1);
    return (String) items.get(0).get("id");
  }

  static void complete(Visitor who, long proposalId, String key, Map<String, Object> body) {
    String id = task(who, proposalId, key);
    Visitor.Answer a = who.postJson("/api/v1/tasks/" + id + "/complete", body);
    assertThat(a.status()).as("complete %s: %s", key, a).isEqualTo(204);
  }

  long accepted(String title) {
    return accepted(title, "deputy.jinmiao");
  }

  long accepted(String title, String proposerUsername) {
    long id = register(title, proposerUsername);
    complete(registrar, id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    return id;
  }

  long assigned(String title, String lead, List<String> co) {
    long id = accepted(title);
    complete(registrar, id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", lead, "co", co));
    return id;
  }

  static Map<String, Object> draft(String text) {
    return Map.of(
        "replyText", text, "category", "A", "contactMethod", "NONE", "disclosure", "PUBLIC");
  }
}
