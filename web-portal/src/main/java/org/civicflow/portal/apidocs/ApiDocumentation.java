package org.civicflow.portal.apidocs;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.civicflow.portal.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every operation of the OpenAPI document its summary and its error answers (the API's error
 * body, {@link ApiError}), from {@link OperationNotes}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  private static final Logger log = LoggerFactory.getLogger(ApiDocumentation.class);

  /** What each error status means across the API (api-v1.md, "Errors"). */
  static final Map<Integer, String> ERRORS =
      Map.of(
          400, "validation_failed: a field is missing or invalid (fields names each)",
          401, "not signed in",
          403, "forbidden: the caller may not do this",
          404, "not_found: no such item, or one the caller may not see",
          409, "conflict: the item's state does not allow this (e.g. the task was completed)",
          413, "payload_too_large: the body exceeds the limit",
          503, "not_ready: the node is starting or out of service");

  @Bean
  OpenApiCustomizer operationNotes() {
    OperationNotes notes = OperationNotes.load();
    return api -> describe(api, notes);
  }

  static void describe(OpenAPI api, OperationNotes notes) {
    api.info(
        new Info()
            .title("CivicFlow API")
            .version("v1")
            .description(
                "The handling of deputies' suggestions and members' proposals: docs/api-v1.md and"
                    + " docs/api-additions.md"));
    Map<String, Schema> schemas = ModelConverters.getInstance().read(ApiError.class);
    schemas.forEach((name, schema) -> api.schema(name, schema));
    Schema<?> errorRef = new Schema<>().$ref("#/components/schemas/ApiError");
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> note(path, method, operation, notes, errorRef)));
  }

  private static void note(
      String path,
      PathItem.HttpMethod method,
      Operation operation,
      OperationNotes notes,
      Schema<?> errorRef) {
    OperationNotes.Note note = notes.of(method.name(), path);
    if (note == null) {
      log.warn("OpenAPI: no summary for {} {} in {}", method, path, OperationNotes.RESOURCE);
      return;
    }
    operation.setSummary(note.summary());
    for (Integer status : note.errors()) {
      operation
          .getResponses()
          .addApiResponse(
              String.valueOf(status),
              new ApiResponse()
                  .description(ERRORS.getOrDefault(status, "error"))
                  .content(
                      new Content()
                          .addMediaType("application/json", new MediaType().schema(errorRef))));
    }
  }
}
