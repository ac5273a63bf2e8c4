package org.civicflow.portal.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.civicflow.domain.statistics.SessionStatistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The summary API: the registrar generates (and regenerates) a draft, publishes it once; the public
 * reads only published, intact summaries, with their downloads; others are refused, bad input is a
 * 400 naming {@code session}, a published record changed in the database is withheld.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class SummaryApiIT {

  static final String SESSION = SummaryRecountIT.SESSION;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired SessionStatistics statistics;

  private long id(Map<String, Object> body) {
    return ((Number) body.get("id")).longValue();
  }

  @Test
  void theRegistrarGeneratesReviewsAndPublishesAndThePublicReadsOnlyWhatWasPublished() {
    SummaryHttp http = new SummaryHttp(rest);
    ResponseEntity<Map<String, Object>> created =
        http.post("registrar", "/api/v1/summaries", Map.of("session", SESSION));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> draft = created.getBody();
    long id = id(draft);
    assertThat(draft.get("state")).isEqualTo("DRAFT");
    assertThat(draft.get("generatedBy")).isEqualTo("registrar");
    Map<String, Object> figures = SummaryHttp.map(draft.get("figures"));
    assertThat(((Number) figures.get("total")).longValue())
        .isEqualTo(statistics.report(SESSION).total());
    for (String name :
        new String[] {
          "byType",
          "byReplyCategory",
          "byDepartment",
          "replyRate",
          "onTimeRate",
          "meetingRate",
          "satisfactionRate",
          "firstSatisfactionRate",
          "commitments",
          "keyItems",
          "items"
        }) {
      assertThat(figures).as(name).containsKey(name);
    }
    assertThat(SummaryHttp.map(figures.get("commitments")))
        .containsKeys("made", "keptOnTime", "keptLate", "open", "overdue", "keptRate");

    // regenerating replaces the draft: the same record, one draft of the session
    Map<String, Object> again =
        http.ok(http.post("registrar", "/api/v1/summaries", Map.of("session", SESSION)));
    assertThat(id(again)).isEqualTo(id);
    assertThat(http.ok(http.get("admin", "/api/v1/summaries/" + id)).get("state"))
        .isEqualTo("DRAFT");

    // a draft is not public
    assertThat(http.get(null, "/api/v1/public/summaries/" + id).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            http.bytes(null, "/api/v1/public/summaries/" + id + "/summary.xlsx")
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(ids(http.ok(http.get(null, "/api/v1/public/summaries")))).doesNotContain(id);
    assertThat(
            http.bytes("registrar", "/api/v1/summaries/" + id + "/summary.docx")
                .getStatusCode()
                .value())
        .isEqualTo(200);

    Map<String, Object> published =
        http.ok(http.post("registrar", "/api/v1/summaries/" + id + "/publish", Map.of()));
    assertThat(published.get("state")).isEqualTo("PUBLISHED");
    assertThat(published.get("publishedBy")).isEqualTo("registrar");
    assertThat(published.get("publishedAt")).isNotNull();
    assertThat(published.get("intact")).isEqualTo(true);
    assertThat(published.get("figures"))
        .isEqualTo(draft.get("figures"))
        .as("frozen when generated");
    assertThat(
            http.post("registrar", "/api/v1/summaries/" + id + "/publish", Map.of())
                .getStatusCode()
                .value())
        .as("published once")
        .isEqualTo(409);

    // the public reads it, in the list of its session, with its downloads
    Map<String, Object> shown = http.ok(http.get(null, "/api/v1/public/summaries/" + id));
    assertThat(shown.get("session")).isEqualTo(SESSION);
    assertThat(shown).doesNotContainKey("publishedBy");
    assertThat(shown.get("figures")).isEqualTo(draft.get("figures"));
    assertThat(
            ids(
                http.ok(
                    http.get(null, "/api/v1/public/summaries?session=" + draft.get("sessionId")))))
        .contains(id);
    ResponseEntity<byte[]> xlsx =
        http.bytes(null, "/api/v1/public/summaries/" + id + "/summary.xlsx");
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
    assertThat(new String(xlsx.getBody(), 0, 2)).isEqualTo("PK");
    ResponseEntity<byte[]> docx =
        http.bytes(null, "/api/v1/public/summaries/" + id + "/summary.docx");
    assertThat(docx.getStatusCode().value()).isEqualTo(200);
    assertThat(docx.getHeaders().getContentType().toString()).contains("wordprocessingml");
    ResponseEntity<String> page = rest.getForEntity("/public/summaries/" + id, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains(SESSION)
        .contains("办复率")
        .contains("见面率")
        .as("each figure lists the items it counts")
        .contains("<details class=\"summary-items\"");
    assertThat(rest.getForEntity("/public/summaries", String.class).getBody())
        .contains("/public/summaries/" + id);

    // regenerating after publication makes a new draft; the published one stays
    Map<String, Object> next =
        http.ok(http.post("registrar", "/api/v1/summaries", Map.of("session", SESSION)));
    assertThat(id(next)).isNotEqualTo(id);
    assertThat(http.ok(http.get("registrar", "/api/v1/summaries/" + id)).get("state"))
        .isEqualTo("PUBLISHED");

    // a database writer changes a published figure: detected, withheld from the public
    jdbc.update(
        "UPDATE cf_handling_summary SET figures = REPLACE(figures, '\"session\":\"', '\"session\":\"改') WHERE id = ?",
        id);
    assertThat(http.get(null, "/api/v1/public/summaries/" + id).getStatusCode().value())
        .isEqualTo(404);
    assertThat(http.ok(http.get("registrar", "/api/v1/summaries/" + id)).get("intact"))
        .isEqualTo(false);
    assertThat(ids(http.ok(http.get(null, "/api/v1/public/summaries")))).doesNotContain(id);
    assertThat(rest.getForEntity("/public/summaries/" + id, String.class).getStatusCode().value())
        .isEqualTo(404);
    // figures that are no JSON any more: still no server error for the registrar
    jdbc.update("UPDATE cf_handling_summary SET figures = '{' WHERE id = ?", id);
    Map<String, Object> broken = http.ok(http.get("registrar", "/api/v1/summaries/" + id));
    assertThat(broken.get("intact")).isEqualTo(false);
    assertThat(broken).doesNotContainKey("figures");
  }

  @Test
  void othersAreRefusedAndBadInputNamesTheSession() {
    SummaryHttp http = new SummaryHttp(rest);
    for (String user : new String[] {"scjg.handler", "scjg.leader", "deputy.jinmiao"}) {
      assertThat(
              http.post(user, "/api/v1/summaries", Map.of("session", SESSION))
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
      assertThat(http.get(user, "/api/v1/summaries").getStatusCode().value())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(
            http.post(null, "/api/v1/summaries", Map.of("session", SESSION))
                .getStatusCode()
                .value())
        .isEqualTo(401);
    long draft = id(http.ok(http.post("admin", "/api/v1/summaries", Map.of("session", SESSION))));
    assertThat(http.get("scjg.handler", "/api/v1/summaries/" + draft).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            http.post("scjg.leader", "/api/v1/summaries/" + draft + "/publish", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(http.ok(http.get("registrar", "/api/v1/summaries/" + draft)).get("state"))
        .isEqualTo("DRAFT");

    Map<String, Object> blank = new HashMap<>();
    blank.put("session", " ");
    for (Object body : new Object[] {Map.of(), blank, Map.of("session", "没有这个会议")}) {
      ResponseEntity<Map<String, Object>> r = http.post("registrar", "/api/v1/summaries", body);
      assertThat(r.getStatusCode().value()).as("%s", body).isEqualTo(400);
      assertThat(SummaryHttp.map(r.getBody().get("fields"))).containsKey("session");
    }
    assertThat(
            http.post("registrar", "/api/v1/summaries/999999/publish", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(http.get(null, "/api/v1/public/summaries/999999").getStatusCode().value())
        .isEqualTo(404);
    assertThat(http.get(null, "/api/v1/public/summaries?session=没有这个会议").getStatusCode().value())
        .isEqualTo(400);
  }

  private static java.util.List<Long> ids(Map<String, Object> page) {
    return SummaryHttp.list(page.get("items")).stream()
        .map(i -> ((Number) i.get("id")).longValue())
        .toList();
  }
}
