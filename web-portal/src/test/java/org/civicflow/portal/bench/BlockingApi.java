package org.civicflow.portal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API as the benchmarks drive it (Basic authentication as a demo user): one request at a
 * time over a kept-alive connection, on the calling thread. A blocking client does its work (and
 * spends its CPU time) in the client thread, whose time is subtracted from the server's figure;
 * {@code java.net.http.HttpClient} works in selector and worker threads of its own, which would be
 * counted as CivicFlow's.
 */
public final class BlockingApi {

  public static final String PASSWORD = "Demo@12345";

  private final int port;
  private final ObjectMapper json = new ObjectMapper();

  public BlockingApi(int port) {
    this.port = port;
  }

  /** A connection for one request as that person, not yet sent. */
  public HttpURLConnection open(String who, String method, String path) throws Exception {
    HttpURLConnection c =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
    c.setRequestMethod(method);
    c.setRequestProperty(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((who + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    return c;
  }

  /** One request; fails unless it answers {@code expected}. */
  public JsonNode send(String who, String method, String path, Object body, int expected)
      throws Exception {
    HttpURLConnection c = open(who, method, path);
    c.setRequestProperty("Accept", "application/json");
    if (body != null) {
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = c.getOutputStream()) {
        out.write(json.writeValueAsBytes(body));
      }
    }
    int status = c.getResponseCode();
    String text;
    // read to the end and close, so that the connection is kept for the next request
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (status != expected) {
      throw new IllegalStateException(method + " " + path + " → " + status + " " + text);
    }
    return text.isEmpty() ? json.nullNode() : json.readTree(text);
  }

  /** Completes the person's task of that key on the proposal, waiting for it while jobs run. */
  public void complete(String who, long id, String key, Map<String, Object> body) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      JsonNode items =
          send(who, "GET", "/api/v1/tasks?key=" + key + "&proposal=" + id, null, 200).get("items");
      if (items.size() > 0) {
        send(
            who,
            "POST",
            "/api/v1/tasks/" + items.get(0).get("id").asText() + "/complete",
            body,
            204);
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(who + " never got " + key + " on " + id);
      }
      Thread.sleep(20);
    }
  }

  /**
   * The registrar registers a suggestion of the deputy 金淼 on live-streamed sales in the session (by
   * its name) under that number; returns its id.
   */
  public long register(String session, String number) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("session", session);
    body.put("number", number);
    body.put("type", "SUGGESTION");
    body.put("title", "关于加强直播带货市场监督管理的建议");
    body.put("content", "建议提高准入门槛,加强直播广告和售后服务监管。");
    body.put("category", "市场监管");
    body.put("proposer", "金淼");
    body.put("proposerUsername", "deputy.jinmiao");
    body.put("delegation", "昌图县");
    body.put("submittedAt", "2021-12-29");
    return send("registrar", "POST", "/api/v1/proposals", body, 201).get("id").asLong();
  }

  /**
   * Drives a registered proposal to a signed reply: the registrar accepts it and assigns it to the
   * lead department alone, whose handler signs for it and writes the draft, whose reviewer approves
   * it and whose leader signs it off.
   */
  public void toSignedReply(long id, String lead, Map<String, Object> draft) throws Exception {
    String d = lead.toLowerCase(Locale.ROOT);
    complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", lead, "co", List.of()));
    complete(d + ".handler", id, "signFor", Map.of("decision", "ACCEPT"));
    complete(d + ".handler", id, "draftReply", draft);
    complete(d + ".reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    complete(d + ".leader", id, "signOff", Map.of("decision", "APPROVE"));
  }
}
