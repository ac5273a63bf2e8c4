package org.civicflow.portal.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.reply.SeparationOfDutiesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal becomes a clear answer: JSON with the field messages for the API, an error page for
 * people; never a stack trace. Unexpected failures are logged with an id that the answer repeats.
 */
@ControllerAdvice
class GlobalExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(GlobalExceptionHandler.class);

  private final ErrorResponses errors;

  GlobalExceptionHandler(ErrorResponses errors) {
    this.errors = errors;
  }

  @ExceptionHandler(ValidationException.class)
  Object validation(ValidationException e, HttpServletRequest r) {
    return refused(HttpStatus.BAD_REQUEST, "validation_failed", e, r);
  }

  @ExceptionHandler(NotFoundException.class)
  Object notFound(NotFoundException e, HttpServletRequest r) {
    return refused(HttpStatus.NOT_FOUND, "not_found", e, r);
  }

  @ExceptionHandler(ForbiddenException.class)
  Object forbidden(ForbiddenException e, HttpServletRequest r) {
    return refused(HttpStatus.FORBIDDEN, "forbidden", e, r);
  }

  /** The separation of duties refused a decision: the code names the rule for clients. */
  @ExceptionHandler(SeparationOfDutiesException.class)
  Object separationOfDuties(SeparationOfDutiesException e, HttpServletRequest r) {
    return refused(HttpStatus.FORBIDDEN, "separation_of_duties", e, r);
  }

  @ExceptionHandler(ConflictException.class)
  Object conflict(ConflictException e, HttpServletRequest r) {
    return refused(HttpStatus.CONFLICT, "conflict", e, r);
  }

  @ExceptionHandler(DomainException.class)
  Object domain(DomainException e, HttpServletRequest r) {
    return refused(HttpStatus.BAD_REQUEST, "bad_request", e, r);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest r) {
    if (causedByTooLarge(e)) {
      return simple(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "error.tooLarge", r);
    }
    if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field =
          m.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
      return invalidField(field, "validation.type.wrong", r);
    }
    if (e.getCause() instanceof JsonMappingException m
        && !m.getPath().isEmpty()
        && m.getPath().get(0).getFieldName() != null) {
      return invalidField(m.getPath().get(0).getFieldName(), "validation.type.wrong", r);
    }
    return simple(HttpStatus.BAD_REQUEST, "malformed", "error.malformed", r);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest r) {
    return invalidField(e.getName(), "validation.type.wrong", r);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest r) {
    return invalidField(e.getParameterName(), "validation.required", r);
  }

  @ExceptionHandler(
      org.springframework.web.multipart.support.MissingServletRequestPartException.class)
  Object missingPart(
      org.springframework.web.multipart.support.MissingServletRequestPartException e,
      HttpServletRequest r) {
    return invalidField(e.getRequestPartName(), "validation.required", r);
  }

  /** A request that should carry a file is not a multipart request at all. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  Object notMultipart(
      org.springframework.web.multipart.MultipartException e, HttpServletRequest r) {
    if (e instanceof MaxUploadSizeExceededException) {
      return tooLarge(r);
    }
    return simple(HttpStatus.BAD_REQUEST, "malformed", "error.notMultipart", r);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(HttpServletRequest r) {
    return simple(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "error.methodNotAllowed", r);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(HttpServletRequest r) {
    return simple(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "error.mediaType", r);
  }

  @ExceptionHandler({MaxUploadSizeExceededException.class, PayloadTooLargeException.class})
  Object tooLarge(HttpServletRequest r) {
    return simple(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "error.tooLarge", r);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noResource(HttpServletRequest r) {
    return simple(HttpStatus.NOT_FOUND, "not_found", "error.pageNotFound", r);
  }

  @ExceptionHandler(AccessDeniedException.class)
  Object accessDenied(HttpServletRequest r) {
    return simple(HttpStatus.FORBIDDEN, "forbidden", "error.forbidden", r);
  }

  @ExceptionHandler(AuthenticationException.class)
  Object unauthenticated(HttpServletRequest r) {
    return simple(HttpStatus.UNAUTHORIZED, "unauthorized", "error.unauthorized", r);
  }

  @ExceptionHandler(Exception.class)
  Object unexpected(Exception e, HttpServletRequest r) {
    if (org.civicflow.engine.support.TransientFailures.isTransient(e)) {
      // two people changed the same thing at the same moment (a deadlock victim, an optimistic
      // locking clash): nothing was saved for this one, who may reload and try again
      LOG.info("Concurrent change on {} {}: {}", r.getMethod(), r.getRequestURI(), e.toString());
      String text =
          errors
              .text("proposal.concurrentChange", List.of(""), errors.locale(r))
              .replace("  ", " ");
      return respond(HttpStatus.CONFLICT, new ApiError(409, "conflict", text, Map.of()), r);
    }
    String id = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("Unexpected failure {} on {} {}", id, r.getMethod(), r.getRequestURI(), e);
    ApiError body =
        new ApiError(
            500,
            "internal",
            errors.text("error.unexpected", List.of(), errors.locale(r)) + " (" + id + ")",
            Map.of());
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, body, r);
  }

  /** A refusal from the domain, with its message and field messages. */
  private Object refused(HttpStatus status, String code, DomainException e, HttpServletRequest r) {
    return respond(status, errors.of(status, code, e, r), r);
  }

  /** A request whose one field (a property, parameter or part) is wrong or missing. */
  private Object invalidField(String field, String messageKey, HttpServletRequest r) {
    return respond(
        HttpStatus.BAD_REQUEST,
        errors.of(
            HttpStatus.BAD_REQUEST,
            "validation_failed",
            "validation.failed",
            Map.of(field, messageKey),
            r),
        r);
  }

  private Object simple(HttpStatus status, String code, String key, HttpServletRequest r) {
    return respond(
        status,
        new ApiError(status.value(), code, errors.text(key, List.of(), errors.locale(r)), Map.of()),
        r);
  }

  private static boolean causedByTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return true;
      }
    }
    return false;
  }

  static boolean isApi(HttpServletRequest r) {
    return r.getRequestURI().startsWith(r.getContextPath() + "/api/");
  }

  private static Object respond(HttpStatus status, ApiError body, HttpServletRequest r) {
    if (isApi(r)) {
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("failure", body);
    return page;
  }
}
