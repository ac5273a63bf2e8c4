package org.civicflow.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP API as an outside client uses it: Basic authentication and JSON. */
final class ApiClient {

  static final String PASSWORD = "Demo@12345";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  private final TestRestTemplate http;

  ApiClient(TestRestTemplate http) {
    this.http = http;
  }

  ResponseEntity<Map<String, Object>> get(String user, String path) {
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, MAP);
  }

  ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
  }

  ResponseEntity<Map<String, Object>> put(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, PASSWORD)
        .exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), MAP);
  }

  Map<String, Object> ok(ResponseEntity<Map<String, Object>> r) {
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
    return r.getBody();
  }

  /** The caller's open tasks of one key on one proposal. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> tasks(String user, long proposalId, String key) {
    Map<String, Object> page = ok(get(user, "/api/v1/tasks?size=200&proposal=" + proposalId));
    return ((List<Map<String, Object>>) page.get("items"))
        .stream().filter(t -> key.equals(t.get("key"))).toList();
  }

  /** Completes the caller's only task of that key on the proposal. */
  void complete(String user, long proposalId, String key, Map<String, Object> body) {
    List<Map<String, Object>> tasks = tasks(user, proposalId, key);
    assertThat(tasks).as("%s has one %s task on %s", user, key, proposalId).hasSize(1);
    ResponseEntity<Map<String, Object>> r =
        post(user, "/api/v1/tasks/" + tasks.get(0).get("id") + "/complete", body);
    assertThat(r.getStatusCode().value()).as("complete %s: %s", key, r.getBody()).isEqualTo(204);
  }

  Map<String, Object> proposal(String user, long id) {
    return ok(get(user, "/api/v1/proposals/" + id));
  }
}
