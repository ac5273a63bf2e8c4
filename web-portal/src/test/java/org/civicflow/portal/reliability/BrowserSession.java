package org.civicflow.portal.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser signed in to the portal with the login form, whose cookies go to whichever node it
 * talks to — as behind a load balancer, where the next request may reach another node.
 */
final class BrowserSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** A page: its status, body and redirect target. */
  record Page(int status, String body, String location) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** Signs in on this node; afterwards the session cookie identifies the person. */
  static BrowserSession signIn(AppProcess node, String username) {
    BrowserSession b = new BrowserSession();
    Page login = b.get(node, "/login");
    Matcher csrf = CSRF.matcher(login.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the login page: " + login);
    }
    Page done =
        b.post(
            node,
            "/login",
            Map.of("username", username, "password", Api.PASSWORD, "_csrf", csrf.group(1)));
    if (done.status() != 302 || done.location() == null || done.location().contains("error")) {
      throw new IllegalStateException("sign-in failed for " + username + ": " + done.status());
    }
    return b;
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  Page get(AppProcess node, String path) {
    return exchange(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET());
  }

  private Page post(AppProcess node, String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return exchange(
        HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Page exchange(HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(60)).header("Accept-Language", "zh-CN");
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      List<String> set = r.headers().allValues("Set-Cookie");
      for (String c : set) {
        String pair = c.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
