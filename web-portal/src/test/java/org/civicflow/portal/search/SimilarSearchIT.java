package org.civicflow.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The ranked public search and the similar items on the demo data (issue 20): 直播带货 监管 finds the
 * reply to 911100 first; a reworded copy of 911100 has 911100 as its first 并案 candidate and the
 * 2022 reply of 市场监督管理局 among its similar replies.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class SimilarSearchIT {

  static final String PASSWORD = "Demo@12345";

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  @SuppressWarnings("unchecked")
  private String taskId(String user, String key, long proposal) {
    Map<String, Object> tasks =
        http.withBasicAuth(user, PASSWORD)
            .getForObject("/api/v1/tasks?key=" + key + "&proposal=" + proposal, Map.class);
    return (String) items(tasks).get(0).get("id");
  }

  private ResponseEntity<String> completeRaw(
      String user, String key, long proposal, Map<String, Object> body) {
    return http.withBasicAuth(user, PASSWORD)
        .postForEntity(
            "/api/v1/tasks/" + taskId(user, key, proposal) + "/complete", body, String.class);
  }

  private void complete(String user, String key, long proposal, Map<String, Object> body) {
    ResponseEntity<String> r = completeRaw(user, key, proposal, body);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(key + ": " + r.getBody()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String url) {
    Map<String, Object> page = http.getForObject(url, Map.class);
    return items(page);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReplyTo911100ComesFirstForItsSubjectWithHighlightsAndCounts() {
    Map<String, Object> page = http.getForObject("/api/v1/public/replies?q=直播带货 监管", Map.class);
    List<Map<String, Object>> items = items(page);
    assertThat(items).isNotEmpty();
    assertThat(items.get(0)).containsEntry("number", "911100");
    assertThat((List<String>) items.get(0).get("highlights"))
        .isNotEmpty()
        .allMatch(h -> h.contains("<em>"));
    Map<String, Map<String, Integer>> counts =
        (Map<String, Map<String, Integer>>) page.get("counts");
    assertThat(counts.get("department")).containsKey("SCJG");
    assertThat(counts.get("year")).containsKey("2022");
    assertThat(counts.get("category")).containsKey("B");
    // newest first on request; an unknown order is refused naming the field
    assertThat(list("/api/v1/public/replies?q=监管&sort=newest")).isNotEmpty();
    ResponseEntity<String> bad =
        http.getForEntity("/api/v1/public/replies?q=监管&sort=best", String.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("sort");
    // the page: facet counts beside the results, marked matches
    String html = http.getForObject("/?q=直播带货 监管", String.class);
    assertThat(html).contains("facet-counts").contains("<mark>直播带货</mark>");
    // excluded words and quoted phrases
    assertThat(list("/api/v1/public/replies?q=直播带货 -主播"))
        .noneMatch(i -> "911100".equals(i.get("number")));
    assertThat(list("/api/v1/public/replies?q=\"直播带货\""))
        .anyMatch(i -> "911100".equals(i.get("number")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRewordedCopyOf911100Has911100AsFirstCandidateAndTheReplyOfScjgAmongSimilarReplies() {
    String number = "97" + (System.nanoTime() % 1_000_000_000L);
    Map<String, Object> body =
        Map.of(
            "session", "市九届人大一次会议",
            "number", number,
            "type", "SUGGESTION",
            "title", "关于规范网络主播直播卖货行为的建议",
            "content",
                "当前网络主播直播卖货十分火爆,但存在主播虚假宣传、夸大宣传,直播间售卖假冒伪劣商品,"
                    + "消费者退换货难、维权难等问题。建议提高直播卖货门槛,建立主播信用评价制度,"
                    + "加强对直播间广告宣传和售后服务的监管,畅通消费者维权渠道。",
            "proposer", "李明",
            "submittedAt", "2022-01-10T00:00:00Z");
    ResponseEntity<Map> created =
        http.withBasicAuth("registrar", PASSWORD)
            .postForEntity("/api/v1/proposals", body, Map.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    long id = ((Number) created.getBody().get("id")).longValue();

    Map<String, Object> similar =
        http.withBasicAuth("registrar", PASSWORD)
            .getForObject("/api/v1/proposals/" + id + "/similar?scope=session&size=5", Map.class);
    List<Map<String, Object>> candidates = items(similar);
    assertThat(candidates).isNotEmpty();
    assertThat(candidates.get(0)).containsEntry("number", "911100");
    assertThat(((Number) candidates.get(0).get("score")).doubleValue()).isBetween(0.0, 1.0);
    assertThat((List<String>) candidates.get(0).get("passages")).isNotEmpty();
    assertThat(candidates).noneMatch(c -> ((Number) c.get("id")).longValue() == id);

    Map<String, Object> replies =
        http.withBasicAuth("registrar", PASSWORD)
            .getForObject("/api/v1/proposals/" + id + "/similar-replies", Map.class);
    assertThat(items(replies))
        .anyMatch(r -> "911100".equals(r.get("number")) && "市场监督管理局".equals(r.get("department")));

    // the registrar's acceptance step shows the candidates with a merge action
    Map<String, Object> tasks =
        http.withBasicAuth("registrar", PASSWORD)
            .getForObject("/api/v1/tasks?key=reviewAcceptance&proposal=" + id, Map.class);
    String taskId = (String) items(tasks).get(0).get("id");
    org.civicflow.portal.PortalSession registrar =
        org.civicflow.portal.PortalSession.signIn(port, "registrar", PASSWORD);
    // the page does not wait on the search: it says where its panel is, and the island fetches it
    String taskPage = registrar.get("/portal/tasks/" + taskId).body();
    assertThat(taskPage)
        .doesNotContain("similar-session-heading")
        .contains("data-src=\"/portal/tasks/" + taskId + "/similar?fragment=true")
        .contains("href=\"/portal/tasks/" + taskId + "/similar\"")
        .contains("/js/similar-panel.js");
    String panel = registrar.get("/portal/tasks/" + taskId + "/similar?fragment=true").body();
    assertThat(panel)
        .doesNotContain("<html")
        .contains("similar-session-heading")
        .contains("911100 关于加强对网红“直播带货”市场监督管理的建议")
        .contains("name=\"mergeIntoId\"")
        .contains("<em>");
    // without JavaScript the link opens the panel as a page of its own, merge buttons included
    assertThat(registrar.get("/portal/tasks/" + taskId + "/similar").body())
        .contains("<html")
        .contains("similar-session-heading")
        .contains("911100 关于加强对网红“直播带货”市场监督管理的建议")
        .contains("name=\"mergeIntoId\"")
        .contains("<em>");

    // accepted and assigned to 市场监督管理局: its handler drafting sees the 2022 reply, drafts from it,
    // and the reviewer sees which reply the draft drew from
    complete("registrar", "reviewAcceptance", id, Map.of("decision", "ACCEPT"));
    complete(
        "registrar",
        "assignDepartments",
        id,
        Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of()));
    complete("scjg.handler", "signFor", id, Map.of("decision", "ACCEPT"));
    Map<String, Object> handlerReplies =
        http.withBasicAuth("scjg.handler", PASSWORD)
            .getForObject("/api/v1/proposals/" + id + "/similar-replies", Map.class);
    Map<String, Object> reply911100 =
        items(handlerReplies).stream()
            .filter(r -> "911100".equals(r.get("number")))
            .findFirst()
            .orElseThrow();
    assertThat(reply911100).containsEntry("department", "市场监督管理局");
    long source = ((Number) reply911100.get("publicationId")).longValue();
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("replyText", "李明代表:您提出的关于规范网络主播直播卖货行为的建议收悉。我局将加强直播间广告监测。");
    draft.put("category", "A");
    draft.put("contactMethod", "PHONE");
    draft.put("contactNote", "电话沟通");
    draft.put("disclosure", "PUBLIC");
    draft.put("drewFrom", List.of("987654321"));
    ResponseEntity<String> refused = completeRaw("scjg.handler", "draftReply", id, draft);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("drewFrom");
    draft.put("drewFrom", List.of(String.valueOf(source)));
    complete("scjg.handler", "draftReply", id, draft);
    String reviewTask = taskId("scjg.reviewer", "reviewDraft", id);
    String reviewPage =
        org.civicflow.portal.PortalSession.signIn(port, "scjg.reviewer", PASSWORD)
            .get("/portal/tasks/" + reviewTask)
            .body();
    assertThat(reviewPage).contains("drew-from-heading").contains("/public/replies/" + source);

    // bad input names the field; a proposer may not ask for 并案 candidates
    ResponseEntity<String> bad =
        http.withBasicAuth("registrar", PASSWORD)
            .getForEntity("/api/v1/proposals/" + id + "/similar?scope=nearby", String.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("scope");
    assertThat(
            http.withBasicAuth("deputy.jinmiao", PASSWORD)
                .getForEntity("/api/v1/proposals/" + id + "/similar", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePublicReplyPageShowsRelatedReplies() {
    Map<String, Object> page = http.getForObject("/api/v1/public/replies?q=911100", Map.class);
    List<Map<String, Object>> all =
        items(http.getForObject("/api/v1/public/replies?size=200", Map.class));
    long id =
        all.stream()
            .filter(i -> "911100".equals(i.get("number")))
            .map(i -> ((Number) i.get("id")).longValue())
            .findFirst()
            .orElseThrow();
    Map<String, Object> related =
        http.getForObject("/api/v1/public/replies/" + id + "/related", Map.class);
    assertThat(items(related)).noneMatch(i -> ((Number) i.get("id")).longValue() == id);
  }
}
