package org.civicflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scripts and style sheets go compressed to a browser that asks for it; pages, which carry the CSRF
 * token beside text a visitor can make them repeat, never do (BREACH).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class CompressionIT {

  @LocalServerPort int port;

  private HttpResponse<byte[]> get(String path) throws Exception {
    // java.net.http neither asks for nor undoes compression by itself: what is sent is seen
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void scriptsAndStyleSheetsGoCompressedPagesDoNot() throws Exception {
    HttpResponse<byte[]> css = get("/css/site.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");

    HttpResponse<byte[]> login = get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(login.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("_csrf");

    HttpResponse<byte[]> json = get("/api/v1/public/replies");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Encoding")).isEmpty();
  }
}
