package org.civicflow.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.civicflow.engine.deployment.BuiltInModel;
import org.civicflow.engine.deployment.BuiltInOutcome;
import org.civicflow.engine.deployment.BuiltInVersions;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelVersion;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An upgrade brings a newer built-in version of a model an admin edited: the models page and the
 * API say so, the comparison page shows both versions side by side with what differs, and the admin
 * keeps their own (form, then API) or deploys the built-in one (form, then API) — each decision
 * ending the notice until a later revision comes. Non-admins get 403 everywhere.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class BuiltInModelAdminIT {

  static final String KEY = "portalUpgradeDemo";
  static final String PASSWORD = "Demo@12345";
  static final String BASE = "/admin/models/" + KEY + "/built-in/";
  static final String API = "/api/v1/admin/models/" + KEY + "/built-in/";
  static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired BuiltInVersions builtIns;
  @Autowired ModelCatalog catalog;

  private ModelVersion current() {
    return catalog.models().stream()
        .filter(m -> m.key().equals(KEY))
        .findFirst()
        .orElseThrow()
        .latest();
  }

  private ResponseEntity<Map<String, Object>> api(
      String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE));
    return http.withBasicAuth(user, PASSWORD)
        .exchange(path, method, new HttpEntity<>(body, headers), MAP);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> listed() {
    Map<String, Object> list =
        api("admin", HttpMethod.GET, "/api/v1/admin/process-definitions", null).getBody();
    return ((List<Map<String, Object>>) list.get("items"))
        .stream().filter(m -> KEY.equals(m.get("key"))).findFirst().orElseThrow();
  }

  /** The admin deploys their own version through the API, as from the editor. */
  private void deployOwn(String xml, String comment) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return KEY + ".bpmn";
          }
        });
    form.add("comment", comment);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map<String, Object>> r =
        http.withBasicAuth("admin", PASSWORD)
            .exchange(
                "/api/v1/admin/deployments", HttpMethod.POST, new HttpEntity<>(form, headers), MAP);
    assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private void upgradeTo(int revision, BuiltInOutcome expected) {
    BuiltInModel model = BuiltInReleases.release(KEY, revision, "核对" + revision);
    assertThat(builtIns.upgrade(List.of(model))).containsEntry(KEY, expected);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAdminComparesTheVersionsAndKeepsTheirsOrDeploysTheBuiltInOne() {
    upgradeTo(1, BuiltInOutcome.DEPLOYED);
    // the admin's own version: the registration step renamed
    String own = catalog.xml(current().id()).replace("name=\"登记\"", "name=\"登记（本市）\"");
    deployOwn(own, "本市的登记");
    ModelVersion mine = current();
    assertThat(mine.deployedBy()).isEqualTo("admin");

    upgradeTo(2, BuiltInOutcome.PENDING);
    assertThat(current().id()).isEqualTo(mine.id());

    // the API and the list say so
    Map<String, Object> model = listed();
    assertThat((Map<String, Object>) model.get("newerBuiltIn")).containsEntry("revision", 2);
    List<Map<String, Object>> versions = (List<Map<String, Object>>) model.get("versions");
    assertThat(versions.get(0)).containsEntry("builtInRevision", null);
    assertThat(versions.get(1)).containsEntry("builtInRevision", 1);
    PortalSession admin = PortalSession.signIn(port, "admin", PASSWORD);
    String list = admin.get("/admin/models").body();
    assertThat(list).contains("有新的内置版本（修订 2）").contains(BASE + "2\"");

    // side by side: the admin's version and the built-in one, with what differs
    PortalSession.Page page = admin.get(BASE + "2");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-xml-src=\"/api/v1/admin/models/" + mine.id() + "/xml\"")
        .contains("data-xml-src=\"" + API + "2/xml\"")
        .contains("/js/model-compare.js")
        .contains("核对2 (check)")
        .contains("登记 (register)")
        .contains("内置版本新增")
        .contains("第 " + (mine.version() + 1) + " 版");
    assertThat(http.withBasicAuth("admin", PASSWORD).getForObject(API + "2/xml", String.class))
        .contains("camunda:versionTag=\"2\"")
        .contains("name=\"核对2\"");

    // nobody else sees or decides it
    PortalSession handler = PortalSession.signIn(port, "scjg.handler", PASSWORD);
    assertThat(handler.get(BASE + "2").status()).isEqualTo(403);
    assertThat(
            handler.post(BASE + "2/keep", handler.get("/portal/inbox").body(), Map.of()).status())
        .isEqualTo(403);
    for (String user : List.of("registrar", "scjg.leader")) {
      assertThat(api(user, HttpMethod.POST, API + "2/keep", Map.of()).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(api(user, HttpMethod.POST, API + "2/deploy", Map.of()).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(api(user, HttpMethod.GET, API + "2/xml", null).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(builtIns.pending(KEY)).isPresent();

    // keep mine (the form): the notice ends, the version stays
    PortalSession.Page kept = admin.post(BASE + "2/keep", page.body(), Map.of());
    assertThat(kept.status()).isEqualTo(302);
    assertThat(kept.location()).contains("/admin/models");
    String after = admin.get("/admin/models").body();
    assertThat(after).doesNotContain("有新的内置版本").contains("已保留 " + KEY + " 的当前版本");
    assertThat(listed()).containsEntry("newerBuiltIn", null);
    assertThat(admin.get(BASE + "2").status()).isEqualTo(404);
    assertThat(api("admin", HttpMethod.POST, API + "2/deploy", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(current().id()).isEqualTo(mine.id());

    // a later revision is offered again; keep mine (the API)
    upgradeTo(3, BuiltInOutcome.PENDING);
    ResponseEntity<Map<String, Object>> keep = api("admin", HttpMethod.POST, API + "3/keep", null);
    assertThat(keep.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(keep.getBody()).containsEntry("state", "KEPT").containsEntry("decidedBy", "admin");
    assertThat(current().id()).isEqualTo(mine.id());

    // revision 4: deploy the built-in version (the form) as version n+1
    upgradeTo(4, BuiltInOutcome.PENDING);
    PortalSession.Page compare4 = admin.get(BASE + "4");
    PortalSession.Page deployed =
        admin.post(BASE + "4/deploy", compare4.body(), Map.of("comment", ""));
    assertThat(deployed.status()).isEqualTo(302);
    ModelVersion taken = current();
    assertThat(taken.version()).isEqualTo(mine.version() + 1);
    assertThat(taken.deployedBy()).isEqualTo("admin");
    assertThat(taken.comment()).isEqualTo("采用内置版本（修订 4）");
    assertThat(taken.builtInRevision()).isEqualTo(4);
    assertThat(catalog.xml(taken.id())).contains("name=\"核对4\"");
    assertThat(admin.get("/admin/models").body())
        .contains("已将 " + KEY + " 的内置修订 4 部署为第 " + taken.version() + " 版");

    // an adopted built-in version is a built-in one: revision 5 upgrades it as usual
    upgradeTo(5, BuiltInOutcome.DEPLOYED);
    assertThat(current().builtInRevision()).isEqualTo(5);
    assertThat(current().deployedBy()).isNull();

    // revision 6 after another edit of the admin's: deployed through the API
    String edited = catalog.xml(current().id()).replace("name=\"结束\"", "name=\"办结\"");
    deployOwn(edited, "改名");
    int before = current().version();
    upgradeTo(6, BuiltInOutcome.PENDING);
    ResponseEntity<Map<String, Object>> viaApi =
        api("admin", HttpMethod.POST, API + "6/deploy", Map.of("comment", "采用第 6 次修订"));
    assertThat(viaApi.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(viaApi.getBody()).containsEntry("key", KEY).containsEntry("version", before + 1);
    assertThat(current().comment()).isEqualTo("采用第 6 次修订");
    assertThat(api("admin", HttpMethod.POST, API + "6/keep", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
