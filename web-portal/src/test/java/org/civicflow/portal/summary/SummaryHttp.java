package org.civicflow.portal.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The API as an outside client calls it: Basic authentication (or none) and JSON. */
final class SummaryHttp {

  static final String PASSWORD = "Demo@12345";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  private final TestRestTemplate http;

  SummaryHttp(TestRestTemplate http) {
    this.http = http;
  }

  private TestRestTemplate as(String user) {
    return user == null ? http : http.withBasicAuth(user, PASSWORD);
  }

  ResponseEntity<Map<String, Object>> get(String user, String path) {
    return as(user).exchange(path, HttpMethod.GET, null, MAP);
  }

  ResponseEntity<byte[]> bytes(String user, String path) {
    return as(user).exchange(path, HttpMethod.GET, null, byte[].class);
  }

  ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
  }

  Map<String, Object> ok(ResponseEntity<Map<String, Object>> r) {
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
    return r.getBody();
  }

  /** Every proposal of the session, page by page. */
  List<Map<String, Object>> proposalsOf(String user, long sessionId) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      Map<String, Object> body =
          ok(get(user, "/api/v1/proposals?size=200&page=" + page + "&session=" + sessionId));
      List<Map<String, Object>> items = list(body.get("items"));
      all.addAll(items);
      if (items.size() < 200) {
        return all;
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }
}
