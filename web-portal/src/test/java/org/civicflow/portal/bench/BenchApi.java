package org.civicflow.portal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The JSON API as a demo user calls it (Basic authentication), for the benchmarks' set-up. */
final class BenchApi {

  static final String PASSWORD = "Demo@12345";

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  BenchApi(int port) {
    this.port = port;
  }

  /** One request; fails unless it answers {@code expected}. */
  JsonNode send(String who, String method, String path, Object body, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", basic(who))
            .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " → " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? json.nullNode() : json.readTree(r.body());
  }

  /** Completes the user's task of that key on the proposal. */
  void complete(String who, long proposal, String key, Object body) throws Exception {
    JsonNode items =
        send(who, "GET", "/api/v1/tasks?key=" + key + "&proposal=" + proposal, null, 200)
            .get("items");
    if (items.isEmpty()) {
      throw new IllegalStateException(who + " has no " + key + " on " + proposal);
    }
    send(who, "POST", "/api/v1/tasks/" + items.get(0).get("id").asText() + "/complete", body, 204);
  }

  static String basic(String who) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((who + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
