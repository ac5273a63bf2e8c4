package org.civicflow.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The public search and the registrar's search of proposals find a proposal's number (911100),
 * numbers inside Chinese text (12315) and Latin or Chinese words without spaces (MCN, 抖音).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class NumberAndTokenSearchIT {

  static final String PASSWORD = "Demo@12345";

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  @SuppressWarnings("unchecked")
  private List<String> publicNumbers(String q) {
    Map<String, Object> page = http.getForObject("/api/v1/public/replies?q={q}", Map.class, q);
    return items(page).stream().map(i -> (String) i.get("number")).toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> staffNumbers(String user, String q) {
    Map<String, Object> page =
        http.withBasicAuth(user, PASSWORD)
            .getForObject("/api/v1/proposals?size=200&q={q}", Map.class, q);
    return items(page).stream().map(i -> (String) i.get("number")).toList();
  }

  @Test
  void thePublicSearchFindsTheNumberAndMixedWords() {
    assertThat(publicNumbers("911100")).startsWith("911100");
    for (String q : List.of("12315", "MCN", "mcn", "抖音", "抖音 MCN", "\"12315平台\"")) {
      assertThat(publicNumbers(q)).as(q).contains("911100");
    }
    assertThat(publicNumbers("911100 -抖音")).doesNotContain("911100");
    String page = http.getForObject("/?q=911100", String.class);
    assertThat(page).contains("911100");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRegistrarsSearchFindsTheNumberAndWordsOfTheContent() {
    String number = "96" + (System.nanoTime() % 100_000_000L);
    Map<String, Object> body =
        Map.of(
            "session", "市九届人大一次会议",
            "number", number,
            "type", "SUGGESTION",
            "title", "关于规范直播机构经营的建议",
            "content", "部分MCN机构诱导主播在抖音等平台虚假宣传,消费者向12315投诉增多。建议加强对直播机构的监管。",
            "proposer", "李明",
            "submittedAt", "2022-01-10T00:00:00Z");
    ResponseEntity<Map> created =
        http.withBasicAuth("registrar", PASSWORD)
            .postForEntity("/api/v1/proposals", body, Map.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);

    assertThat(staffNumbers("registrar", "911100")).contains("911100");
    assertThat(staffNumbers("registrar", number)).containsExactly(number);
    for (String q : List.of("12315", "MCN", "mcn", "抖音", "抖音 12315", "直播机构")) {
      assertThat(staffNumbers("registrar", q)).as(q).contains(number);
    }
    assertThat(staffNumbers("registrar", "抖音 -12315")).doesNotContain(number);
    // a department's staff still see only their department's proposals
    assertThat(staffNumbers("swj.handler", "抖音")).doesNotContain(number);
    // the registrar's list page
    String page =
        org.civicflow.portal.PortalSession.signIn(port, "registrar", PASSWORD)
            .get("/portal/proposals?q=12315")
            .body();
    assertThat(page).contains(number);
  }
}
