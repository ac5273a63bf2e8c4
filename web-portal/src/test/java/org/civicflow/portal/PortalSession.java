package org.civicflow.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in to the portal with the login form, as a browser does it: a cookie jar, no
 * automatic redirects, the CSRF token of the page a form comes from.
 */
public final class PortalSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** A page: its status, its body, and where it redirects to (if it does). */
  public record Page(int status, String body, String location) {}

  private final String base;
  private final HttpClient client;

  private PortalSession(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A browser that has not signed in. */
  public static PortalSession anonymous(int port) {
    return new PortalSession("http://localhost:" + port);
  }

  public static PortalSession signIn(int port, String username, String password) {
    PortalSession s = new PortalSession("http://localhost:" + port);
    Page login = s.get("/login");
    Page done =
        s.send(
            "/login",
            Map.of("username", username, "password", password, "_csrf", csrf(login.body())));
    if (done.location() == null || done.location().contains("error")) {
      throw new IllegalStateException("sign-in failed for " + username + ": " + done.status());
    }
    return s;
  }

  public Page get(String path) {
    return exchange(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Posts a form with the CSRF token of the page it came from; repeated fields as lists. */
  public Page post(String path, String pageWithForm, Map<String, ?> fields) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrf(pageWithForm));
    return send(path, all);
  }

  private Page send(String path, Map<String, ?> fields) {
    String body =
        fields.entrySet().stream()
            .flatMap(
                e ->
                    (e.getValue() instanceof List<?> l
                            ? l.stream()
                            : java.util.stream.Stream.of(e.getValue()))
                        .map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v))))
            .collect(Collectors.joining("&"));
    return exchange(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Page exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          client.send(
              request.header("Accept-Language", "zh-CN").build(),
              HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
