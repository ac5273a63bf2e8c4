package org.civicflow.portal.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person at the portal and the API over a single signed-in session (form login once, then the
 * session cookie and the CSRF token of the pages, as the browser portal does), or an anonymous
 * visitor. Any method, body and content type; redirects are not followed.
 */
final class Visitor {

  static final String PASSWORD = "Demo@12345";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, body, content type and redirect target. */
  record Answer(int status, byte[] bytes, String contentType, String location) {

    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    boolean isJson() {
      return contentType != null && contentType.startsWith("application/json");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return JSON.readValue(bytes, Map.class);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body(), e);
      }
    }

    @Override
    public String toString() {
      String b = body();
      return status
          + " "
          + (location == null ? "" : "-> " + location + " ")
          + b.substring(0, Math.min(300, b.length()));
    }
  }

  final String name;
  private final String base;
  private final HttpClient client;
  private String csrf;

  private Visitor(String name, int port) {
    this.name = name;
    this.base = "http://localhost:" + port;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
  }

  static Visitor anonymous(int port) {
    Visitor v = new Visitor("anonymous", port);
    v.csrf = token(v.get("/login").body());
    return v;
  }

  /** Signs in with the form, once; afterwards every request rides on the session. */
  static Visitor signIn(int port, String username) {
    Visitor v = new Visitor(username, port);
    Answer login = v.get("/login");
    Answer done =
        v.form(
            "/login",
            Map.of("username", username, "password", PASSWORD, "_csrf", token(login.body())));
    if (done.location() == null || done.location().contains("error")) {
      throw new IllegalStateException("sign-in failed for " + username + ": " + done);
    }
    // the token changes with the new session: take it from a signed-in page (the logout form)
    v.csrf = token(v.get("/portal/notices").body());
    return v;
  }

  boolean isAnonymous() {
    return "anonymous".equals(name);
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Answer delete(String path) {
    return send(withCsrf(HttpRequest.newBuilder(uri(path)).DELETE()));
  }

  Answer postJson(String path, Object body) {
    return sendRaw("POST", path, "application/json", json(body));
  }

  Answer putJson(String path, Object body) {
    return sendRaw("PUT", path, "application/json", json(body));
  }

  /** Any method with raw bytes of a content type (null: no Content-Type header). */
  Answer sendRaw(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(withCsrf(b));
  }

  /** A POST whose body has no declared length (chunked transfer). */
  Answer sendChunked(String path, String contentType, byte[] body) {
    return send(
        withCsrf(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))));
  }

  /** A form post with the session's CSRF token. */
  Answer postForm(String path, Map<String, String> fields) {
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrf);
    return form(path, all);
  }

  /** A multipart post: one file part (may be null) and text fields. */
  Answer postMultipart(
      String path, String fileName, String fileType, byte[] file, Map<String, String> fields) {
    String boundary = "----cf" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (var f : fields.entrySet()) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey()
                    + "\"\r\n\r\n"
                    + f.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      if (file != null) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName
                    + "\"\r\nContent-Type: "
                    + fileType
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sendRaw("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private Answer form(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
    return csrf == null ? b : b.header("X-CSRF-TOKEN", csrf);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> r =
          client.send(
              request.header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(120)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          r.statusCode(),
          r.body(),
          r.headers().firstValue("Content-Type").orElse(null),
          r.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] json(Object body) {
    try {
      return body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String token(String page) {
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
