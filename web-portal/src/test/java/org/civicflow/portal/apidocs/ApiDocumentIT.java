package org.civicflow.portal.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The OpenAPI document as an outside client reads it: valid for a standard parser, every operation
 * with a summary and its error answers, and the table of notes naming no operation that is gone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ApiDocumentIT {

  @Autowired TestRestTemplate http;

  private OpenAPI read() {
    String json = http.getForObject("/v3/api-docs", String.class);
    SwaggerParseResult result = new OpenAPIParser().readContents(json, null, null);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    return result.getOpenAPI();
  }

  @Test
  void everyOperationHasASummaryAndItsErrorAnswers() {
    OpenAPI api = read();
    assertThat(api.getOpenapi()).startsWith("3.1");
    List<String> unsummarised = new ArrayList<>();
    Set<String> operations = new TreeSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          String key = OperationNotes.key(method + " " + path);
                          operations.add(key);
                          if (op.getSummary() == null || op.getSummary().isBlank()) {
                            unsummarised.add(key);
                          }
                        }));
    assertThat(unsummarised).as("operations without a line in openapi-operations.txt").isEmpty();
    assertThat(operations).hasSizeGreaterThan(50);
    assertThat(OperationNotes.load().byOperation().keySet())
        .as("lines of openapi-operations.txt for operations that do not exist")
        .isSubsetOf(operations);

    Operation complete = api.getPaths().get("/api/v1/tasks/{id}/complete").getPost();
    assertThat(complete.getResponses()).containsKeys("200", "400", "403", "404", "409");
    assertThat(
            complete
                .getResponses()
                .get("409")
                .getContent()
                .get("application/json")
                .getSchema()
                .get$ref())
        .endsWith("/ApiError");
    assertThat(api.getComponents().getSchemas()).containsKey("ApiError");
  }
}
