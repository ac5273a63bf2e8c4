package org.civicflow.portal.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicflow.CivicFlowApplication;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A production start on an empty database, without demo data: the only account is {@code admin},
 * its password known to nobody but whoever reads the owner-only file or the marked log line (or the
 * operator who set {@code CIVICFLOW_INITIAL_ADMIN_PASSWORD}), and the portal and the API hold it to
 * the password change until it is done.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIT {

  private static ConfigurableApplicationContext start(String... extra) {
    String url = "jdbc:h2:mem:first-start-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    String[] common = {
      "--server.port=0",
      "--spring.datasource.url=" + url,
      "--spring.datasource.username=sa",
      "--spring.datasource.password=",
      "--civicflow.demo=false",
      "--camunda.bpm.job-execution.enabled=false",
      "--camunda.bpm.generate-unique-process-engine-name=true"
    };
    String[] args = new String[common.length + extra.length];
    System.arraycopy(common, 0, args, 0, common.length);
    System.arraycopy(extra, 0, args, common.length, extra.length);
    return new SpringApplicationBuilder(CivicFlowApplication.class).run(args);
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  /** An API request as {@code admin} with HTTP Basic; {@code json} may be null. */
  private static HttpResponse<String> basic(
      int port, String method, String path, String password, String json)
      throws IOException, InterruptedException {
    String auth =
        Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutAGivenPasswordARandomOneGoesToTheLogAndAnOwnerOnlyFile(CapturedOutput output)
      throws Exception {
    Path file = Path.of("target", "first-start-" + System.nanoTime(), "admin-password.txt");
    try (ConfigurableApplicationContext node =
        start("--civicflow.initial-admin.password-file=" + file)) {
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      String password = Files.readString(file).strip();
      assertThat(password).matches("[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}");
      Matcher logged =
          Pattern.compile(
                  "CIVICFLOW INITIAL ADMINISTRATOR[^\\n]*\\n[^\\n]*\\n\\s+(\\S+)\\n[^\\n]*"
                      + Pattern.quote(file.toAbsolutePath().toString()))
              .matcher(output.getAll());
      assertThat(logged.find()).as(output.getAll()).isTrue();
      assertThat(logged.group(1)).isEqualTo(password);

      // the only account; no demo account, nothing with a known password
      UserDirectory users = node.getBean(UserDirectory.class);
      assertThat(users.all()).extracting(User::getUsername).containsExactly("admin");
      assertThat(users.find("admin").orElseThrow().isMustChangePassword()).isTrue();

      int port = port(node);
      // the API: 403 password_change_required until the change, then 200
      HttpResponse<String> held = basic(port, "GET", "/api/v1/admin/users", password, null);
      assertThat(held.statusCode()).isEqualTo(403);
      assertThat(held.body()).contains("\"error\":\"password_change_required\"");
      assertThat(basic(port, "GET", "/api/v1/me", "Demo@12345", null).statusCode()).isEqualTo(401);

      // the portal leads to the password page
      PortalSession admin = PortalSession.signIn(port, "admin", password);
      PortalSession.Page models = admin.get("/admin/models");
      assertThat(models.status()).isEqualTo(302);
      assertThat(models.location()).endsWith("/portal/password");
      PortalSession.Page form = admin.get("/portal/password");
      assertThat(form.status()).isEqualTo(200);
      PortalSession.Page changed =
          admin.post(
              "/portal/password",
              form.body(),
              java.util.Map.of(
                  "currentPassword", password,
                  "newPassword", "City#2026civic1",
                  "confirmPassword", "City#2026civic1"));
      assertThat(changed.status()).isEqualTo(302);
      assertThat(admin.get("/admin/models").status()).isEqualTo(200);
      assertThat(basic(port, "GET", "/api/v1/admin/users", "City#2026civic1", null).statusCode())
          .isEqualTo(200);
    }
    // a second start on the same database would find the account: nothing is created twice
  }

  @Test
  void withAGivenPasswordAdminIsCreatedWithItAndMustChangeIt() throws Exception {
    Path file = Path.of("target", "first-start-" + System.nanoTime(), "admin-password.txt");
    try (ConfigurableApplicationContext node =
        start(
            "--CIVICFLOW_INITIAL_ADMIN_PASSWORD=Initial#2026pw",
            "--civicflow.initial-admin.password-file=" + file)) {
      assertThat(file).doesNotExist();
      int port = port(node);
      HttpResponse<String> held = basic(port, "GET", "/api/v1/me", "Initial#2026pw", null);
      assertThat(held.statusCode()).isEqualTo(403);
      assertThat(held.body()).contains("\"error\":\"password_change_required\"");
      HttpResponse<String> change =
          basic(
              port,
              "POST",
              "/api/v1/me/password",
              "Initial#2026pw",
              "{\"currentPassword\":\"Initial#2026pw\",\"newPassword\":\"City#2026civic2\"}");
      assertThat(change.statusCode()).isEqualTo(204);
      HttpResponse<String> me = basic(port, "GET", "/api/v1/me", "City#2026civic2", null);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"roles\":[\"ADMIN\"]");
      assertThat(node.getBean(UserDirectory.class).count()).isOne();
    }
  }
}
