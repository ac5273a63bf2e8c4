package org.civicflow.portal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser or API client as the security tests need it: a cookie jar that can be read and set, no
 * automatic redirects, the raw {@code Set-Cookie} headers, and an optional {@code X-Forwarded-For}
 * (the tests run with the local address as a trusted proxy, so it becomes the client address).
 */
final class WebPeer {

  static final String SESSION_COOKIE = "CIVICFLOW_SESSION";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** An answer: status, body, the redirect target and the raw {@code Set-Cookie} headers. */
  record Answer(int status, String body, String location, List<String> setCookies, String retry) {}

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String forwardedFor;

  WebPeer(int port) {
    this.base = URI.create("http://localhost:" + port);
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Later requests come "from" this address (via the trusted local proxy). */
  WebPeer from(String address) {
    this.forwardedFor = address;
    return this;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Answer getWithBasic(String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", basic(user, password))
            .GET());
  }

  /** An API post without a body. */
  Answer postWithBasic(String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", basic(user, password))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** An API post with a JSON body. */
  Answer postJsonWithBasic(String path, String user, String password, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** An API post with a JSON body and a CSRF token (from a page of this peer's session). */
  Answer postJsonWithBasic(String path, String user, String password, String json, String csrf) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Posts the fields as they are (no CSRF token unless among them). */
  Answer post(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts the fields with the CSRF token of the page the form is on. */
  Answer submit(String path, String pageWithForm, Map<String, String> fields) {
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrf(pageWithForm));
    return post(path, all);
  }

  /** The sign-in form: the page, then the post; the answer is the post's. */
  Answer signIn(String username, String password) {
    Answer login = get("/login");
    return submit("/login", login.body(), Map.of("username", username, "password", password));
  }

  String cookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(SESSION_COOKIE))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Replaces the session cookie, as a browser holding another one would send it. */
  WebPeer withCookie(String value) {
    HttpCookie cookie = new HttpCookie(SESSION_COOKIE, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().removeAll();
    cookies.getCookieStore().add(base, cookie);
    return this;
  }

  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1);
  }

  /** The session id inside the cookie value (Spring Session writes it Base64-encoded). */
  static String sessionId(String cookieValue) {
    return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
  }

  private Answer send(HttpRequest.Builder request) {
    request.header("Accept-Language", "zh-CN");
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(),
          r.body(),
          r.headers().firstValue("Location").orElse(null),
          r.headers().allValues("Set-Cookie"),
          r.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
