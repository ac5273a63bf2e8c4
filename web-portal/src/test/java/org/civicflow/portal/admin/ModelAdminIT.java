package org.civicflow.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.civicflow.portal.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
 * The admin API of the models over HTTP: only admins; hostile files refused with every problem
 * listed and nothing deployed; the impact on the demo's running items; deploy as version n+1;
 * migrate them; the pages that show all of it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ModelAdminIT {

  static final String PASSWORD = "Demo@12345";
  static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  private static String builtIn(String path) throws IOException {
    try (InputStream in = ModelAdminIT.class.getResourceAsStream("/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ResponseEntity<Map<String, Object>> upload(
      String user, String path, String filename, byte[] content, String comment) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return filename;
          }
        });
    if (comment != null) {
      form.add("comment", comment);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE));
    return http.withBasicAuth(user, PASSWORD)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), MAP);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, MAP);
  }

  @Test
  void onlyAdminsReachTheModels() {
    assertThat(get("scjg.handler", "/api/v1/admin/process-definitions").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("registrar", "/api/v1/admin/models/vocabulary").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            upload(
                    "scjg.leader",
                    "/api/v1/admin/deployments",
                    "x.bpmn",
                    "x".getBytes(StandardCharsets.UTF_8),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/v1/admin/process-definitions", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(PortalSession.signIn(port, "scjg.handler", PASSWORD).get("/admin/models").status())
        .isEqualTo(403);
  }

  @Test
  void hostileFilesAreRefusedWithEveryProblemAndNothingIsDeployed() {
    long before = repository.createDeploymentQuery().count();
    String script =
        builtIn0("bpmn/departmentHandling.bpmn")
            .replace(
                "<bpmn:serviceTask id=\"planDeadlines\" name=\"计算办理期限\" camunda:delegateExpression=\"${planDeadlinesDelegate}\">",
                "<bpmn:scriptTask id=\"planDeadlines\" name=\"计算办理期限\" scriptFormat=\"javascript\">"
                    + "<bpmn:script>java.lang.System.exit(1)</bpmn:script>")
            .replaceFirst("</bpmn:serviceTask>", "</bpmn:scriptTask>");
    ResponseEntity<Map<String, Object>> r =
        upload(
            "admin",
            "/api/v1/admin/deployments",
            "departmentHandling.bpmn",
            script.getBytes(StandardCharsets.UTF_8),
            "恶意");
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody()).containsEntry("error", "model.invalid");
    assertThat((List<Map<String, Object>>) r.getBody().get("problems"))
        .anySatisfy(
            p -> {
              assertThat(p).containsEntry("elementId", "planDeadlines");
              assertThat(p).containsEntry("elementName", "计算办理期限");
              assertThat((String) p.get("message")).contains("脚本任务");
            });

    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</bpmn:definitions>";
    ResponseEntity<Map<String, Object>> x =
        upload(
            "admin",
            "/api/v1/admin/deployments",
            "x.bpmn",
            xxe.getBytes(StandardCharsets.UTF_8),
            null);
    assertThat(x.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) x.getBody().get("message")).contains("DOCTYPE").doesNotContain("root:");

    ResponseEntity<Map<String, Object>> notAModel =
        upload(
            "admin",
            "/api/v1/admin/deployments",
            "report.pdf",
            "%PDF-1.4".getBytes(StandardCharsets.UTF_8),
            null);
    assertThat(notAModel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<Map<String, Object>> big =
        upload("admin", "/api/v1/admin/deployments", "big.bpmn", new byte[3 * 1024 * 1024], null);
    assertThat(big.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) big.getBody().get("message")).contains("KB");

    ResponseEntity<Map<String, Object>> huge =
        upload("admin", "/api/v1/admin/deployments", "huge.bpmn", new byte[20 * 1024 * 1024], null);
    assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(huge.getBody()).containsKey("message");

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> noFile =
        http.withBasicAuth("admin", PASSWORD)
            .exchange(
                "/api/v1/admin/deployments", HttpMethod.POST, new HttpEntity<>("{}", json), MAP);
    assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  private static String builtIn0(String path) {
    try {
      return builtIn(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFileNested100000DeepIsAProblemListedNeverAServerError() {
    long before = repository.createDeploymentQuery().count();
    byte[] deep =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " id=\"d\" targetNamespace=\"x\">"
                + "<bpmn:a>".repeat(100_000)
                + "</bpmn:a>".repeat(100_000)
                + "</bpmn:definitions>")
            .getBytes(StandardCharsets.UTF_8);

    ResponseEntity<Map<String, Object>> check =
        upload("admin", "/api/v1/admin/models/validation", "deep.bpmn", deep, null);
    assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(check.getBody()).containsEntry("valid", false);
    assertThat((List<Map<String, Object>>) check.getBody().get("problems"))
        .singleElement()
        .satisfies(p -> assertThat((String) p.get("message")).contains("嵌套过深", "100"));

    ResponseEntity<Map<String, Object>> deploy =
        upload("admin", "/api/v1/admin/deployments", "deep.bpmn", deep, "嵌套");
    assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(deploy.getBody()).containsEntry("error", "model.invalid");
    assertThat((String) deploy.getBody().get("message")).contains("嵌套过深");
    assertThat((List<Map<String, Object>>) deploy.getBody().get("problems")).hasSize(1);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theImpactIsShownThenTheNewVersionIsDeployedAndTheRunningItemsMigrated() throws IOException {
    Map<String, Object> list = get("admin", "/api/v1/admin/process-definitions").getBody();
    Map<String, Object> department =
        ((List<Map<String, Object>>) list.get("items"))
            .stream()
                .filter(m -> "departmentHandling".equals(m.get("key")))
                .findFirst()
                .orElseThrow();
    Map<String, Object> current = ((List<Map<String, Object>>) department.get("versions")).get(0);
    String currentId = (String) current.get("id");
    int version = ((Number) current.get("version")).intValue();
    assertThat(((Number) current.get("runningInstances")).longValue())
        .as("the demo has items in handling")
        .isPositive();

    ResponseEntity<String> xml =
        http.withBasicAuth("admin", PASSWORD)
            .getForEntity("/api/v1/admin/models/" + currentId + "/xml", String.class);
    assertThat(xml.getBody()).contains("id=\"signOff\"");
    String edited =
        xml.getBody()
            .replace(
                "<bpmn:userTask id=\"signOff\" name=\"领导签发\"",
                "<bpmn:userTask id=\"signOff\" name=\"分管领导签发\"");
    byte[] file = edited.getBytes(StandardCharsets.UTF_8);

    Map<String, Object> check =
        upload("admin", "/api/v1/admin/models/validation", "departmentHandling.bpmn", file, null)
            .getBody();
    assertThat(check).containsEntry("valid", true).containsEntry("key", "departmentHandling");

    Map<String, Object> impact =
        upload("admin", "/api/v1/admin/models/impact", "departmentHandling.bpmn", file, null)
            .getBody();
    assertThat(impact).containsEntry("currentDefinitionId", currentId);
    assertThat(((Number) impact.get("nextVersion")).intValue()).isEqualTo(version + 1);
    List<Map<String, Object>> instances = (List<Map<String, Object>>) impact.get("instances");
    assertThat(instances).isNotEmpty();
    assertThat(instances).allSatisfy(i -> assertThat(i.get("proposalNumber")).isNotNull());

    ResponseEntity<Map<String, Object>> deployed =
        upload("admin", "/api/v1/admin/deployments", "departmentHandling.bpmn", file, "签发环节改名");
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(deployed.getBody())
        .containsEntry("key", "departmentHandling")
        .containsEntry("version", version + 1);
    String newId = (String) deployed.getBody().get("definitionId");

    PortalSession admin = PortalSession.signIn(port, "admin", PASSWORD);
    String page =
        admin
            .get(
                "/admin/models/departmentHandling/migrations/new?source="
                    + currentId
                    + "&target="
                    + newId)
            .body();
    assertThat(page).contains("迁移所选事项");

    List<String> ids = instances.stream().map(i -> (String) i.get("processInstanceId")).toList();
    PortalSession.Page results =
        admin.post(
            "/admin/models/departmentHandling/migrations",
            page,
            Map.of("source", currentId, "target", newId, "instance", ids));
    assertThat(results.status()).isEqualTo(200);
    assertThat(results.body())
        .contains("迁移结果")
        .contains("成功 " + ids.size() + " 件，共 " + ids.size() + " 件");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(currentId).count())
        .isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(newId).count())
        .isEqualTo(ids.size());

    // the API answers each instance with a documented code and words for people
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    json.setAcceptLanguageAsLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE));
    Map<String, Object> again =
        http.withBasicAuth("admin", PASSWORD)
            .exchange(
                "/api/v1/admin/migrations",
                HttpMethod.POST,
                new HttpEntity<>(
                    Map.of(
                        "sourceDefinitionId", currentId,
                        "targetDefinitionId", newId,
                        "processInstanceIds", List.of(ids.get(0))),
                    json),
                MAP)
            .getBody();
    assertThat(again).containsEntry("migrated", 0).containsEntry("failed", 1);
    Map<String, Object> result = ((List<Map<String, Object>>) again.get("results")).get(0);
    assertThat(result)
        .containsEntry("processInstanceId", ids.get(0))
        .containsEntry("migrated", false)
        .containsEntry("code", "notOnSource");
    assertThat((String) result.get("message")).contains("不在所选的原版本上");

    String models = admin.get("/admin/models").body();
    assertThat(models).contains("签发环节改名").contains("第 " + (version + 1) + " 版");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theVocabularyLabelsEveryChoice() {
    Map<String, Object> v = get("admin", "/api/v1/admin/models/vocabulary").getBody();
    assertThat((List<Map<String, Object>>) v.get("delegates"))
        .isNotEmpty()
        .allSatisfy(d -> assertThat((String) d.get("label")).doesNotStartWith("delegate."));
    assertThat((List<Map<String, Object>>) v.get("candidateGroups"))
        .extracting(g -> g.get("value"))
        .contains("${department}-leader", "registrar", "SCJG-leader");
    assertThat((List<Map<String, Object>>) v.get("taskKeys"))
        .as("every task key of the contract, each with its label")
        .extracting(k -> k.get("value"))
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(org.civicflow.engine.task.TaskKey.values())
                .map(Enum::name)
                .toList());
    assertThat((List<Map<String, Object>>) v.get("taskKeys"))
        .allSatisfy(k -> assertThat(k.get("label")).isNotEqualTo(k.get("value")));
  }
}
