package org.civicflow.portal.admin.modeling;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.civicflow.engine.modeling.ModelRejectedException;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The 400 of a model the checks refused, for the admin API of the models: every problem. Before the
 * general handler, which would answer it as any refusal, without the problems.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {ModelApiController.class, BuiltInApiController.class})
class ModelRejections {

  /** The usual error body plus every problem. */
  record RejectionView(
      int status,
      String error,
      String message,
      Map<String, String> fields,
      List<ModelTexts.ProblemView> problems) {}

  private final ModelTexts texts;
  private final ErrorResponses errors;

  ModelRejections(ModelTexts texts, ErrorResponses errors) {
    this.texts = texts;
    this.errors = errors;
  }

  @ExceptionHandler(ModelRejectedException.class)
  ResponseEntity<RejectionView> rejected(ModelRejectedException e, HttpServletRequest request) {
    var locale = errors.locale(request);
    List<ModelTexts.ProblemView> problems = texts.problems(e.report().problems(), locale);
    String message =
        errors.text("model.invalid", List.of(problems.size()), locale)
            + " "
            + String.join(
                "；",
                problems.stream()
                    .map(p -> (p.elementName() != null ? p.elementName() + ": " : "") + p.message())
                    .toList());
    return ResponseEntity.badRequest()
        .body(new RejectionView(400, "model.invalid", message, Map.of(), problems));
  }
}
