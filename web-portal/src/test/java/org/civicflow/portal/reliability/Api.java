package org.civicflow.portal.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API v1 over HTTP with Basic authentication, spread round-robin over the nodes that are up. A
 * request that gets no answer (the node died, refused the connection, or cut it off) throws {@link
 * NoAnswer}: its outcome is unknown.
 */
final class Api {

  static final String PASSWORD = "Demo@12345";
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its status, its JSON body (missing when empty) and the node that gave it. */
  record Answer(int status, JsonNode body, String node) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** No answer from the node: the request may or may not have taken effect. */
  static final class NoAnswer extends RuntimeException {
    NoAnswer(String node, Throwable cause) {
      super("no answer from " + node + ": " + cause, cause);
    }
  }

  private final List<AppProcess> nodes = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger notReady = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  Api(List<AppProcess> nodes) {
    this.nodes.addAll(nodes);
  }

  /** Stops sending requests to a node (it is about to be lost). */
  void leave(AppProcess node) {
    nodes.remove(node);
  }

  /** The next node in turn: lifecycles go through all nodes alternately. */
  AppProcess nextNode() {
    return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
  }

  List<AppProcess> nodes() {
    return List.copyOf(nodes);
  }

  /** Answers with status 500 and above (none is expected). */
  int serverErrors() {
    return serverErrors.get();
  }

  /**
   * Requests a node turned away while it was not ready (503 not_ready), never counted as errors.
   */
  int notReady() {
    return notReady.get();
  }

  Answer get(String user, String path) {
    return send(nextNode(), user, "GET", path, null);
  }

  Answer post(String user, String path, Object body) {
    return send(nextNode(), user, "POST", path, body);
  }

  Answer send(AppProcess node, String user, String method, String path, Object body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
            .timeout(Duration.ofSeconds(90))
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    try {
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 503 && r.body() != null && r.body().contains("\"not_ready\"")) {
        // a node still starting (or out of service) turned the request away before doing
        // anything: as a refused connection, which a load balancer would route elsewhere
        notReady.incrementAndGet();
        throw new NoAnswer(node.name(), new IOException("not ready: " + r.body()));
      }
      if (r.statusCode() >= 500) {
        serverErrors.incrementAndGet();
      }
      JsonNode json =
          r.body() == null || r.body().isBlank() ? MissingNode.getInstance() : parse(r.body());
      return new Answer(r.statusCode(), json, node.name());
    } catch (IOException e) {
      throw new NoAnswer(node.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
