package org.civicflow.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A suggestion of the deputy 金淼 in the demo session, brought over the API to the step a suite
 * starts from, as the registrar and the lead department's people would bring it there.
 */
final class ProposalFixture {

  private final ApiClient api;

  ProposalFixture(ApiClient api) {
    this.api = api;
  }

  /**
   * Registered by the registrar (its number: the prefix and a nonce), accepted and assigned to the
   * lead department alone.
   */
  long assigned(String numberPrefix, String title, String content, String lead) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", "市九届人大一次会议");
    body.put("number", numberPrefix + System.nanoTime() % 100_000_000);
    body.put("type", "SUGGESTION");
    body.put("title", title);
    body.put("content", content);
    body.put("proposer", "金淼");
    body.put("proposerUsername", "deputy.jinmiao");
    body.put("submittedAt", "2021-12-29");
    long id =
        ((Number) api.ok(api.post("registrar", "/api/v1/proposals", body)).get("id")).longValue();
    api.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    api.complete("registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", lead));
    return id;
  }

  /** Assigned to SCJG and signed for by its handler: the draft is SCJG's to write. */
  long signedForByScjg(String numberPrefix, String title, String content) {
    long id = assigned(numberPrefix, title, content, "SCJG");
    api.complete("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    return id;
  }

  /**
   * Signed for by SCJG, whose public reply of category B with these commitments its reviewer
   * approved and its leader signed off. The jobs that send and publish it are the caller's to run.
   */
  long repliedByScjg(
      String numberPrefix,
      String title,
      String content,
      String replyText,
      List<Map<String, Object>> commitments) {
    long id = signedForByScjg(numberPrefix, title, content);
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("replyText", replyText);
    draft.put("category", "B");
    draft.put("contactMethod", "PHONE");
    draft.put("contactNote", "电话沟通");
    draft.put("disclosure", "PUBLIC");
    draft.put("commitments", commitments);
    api.complete("scjg.handler", id, "draftReply", draft);
    api.complete("scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    api.complete("scjg.leader", id, "signOff", Map.of("decision", "APPROVE"));
    return id;
  }
}
