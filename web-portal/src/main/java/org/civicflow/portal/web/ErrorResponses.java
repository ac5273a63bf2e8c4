package org.civicflow.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.ValidationException;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Turns refusals into the texts people read, in their language. */
@Component
public class ErrorResponses {

  private final MessageSource messages;

  ErrorResponses(MessageSource messages) {
    this.messages = messages;
  }

  public Locale locale(HttpServletRequest request) {
    return RequestContextUtils.getLocale(request);
  }

  /** The text of a key in the given locale, or in the current request's locale when null. */
  public String text(String key, List<Object> args, Locale locale) {
    if (locale == null) {
      locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
    try {
      return messages.getMessage(key, args.toArray(), locale);
    } catch (NoSuchMessageException missing) {
      return key;
    }
  }

  public ApiError of(
      HttpStatus status, String code, DomainException e, HttpServletRequest request) {
    Locale locale = locale(request);
    Map<String, String> fields = new LinkedHashMap<>();
    if (e instanceof ValidationException v) {
      v.fieldErrors().forEach((f, key) -> fields.put(f, text(key, List.of(), locale)));
    }
    String message =
        e instanceof ValidationException v
            ? text(
                "validation.failed", List.of(String.join(", ", v.fieldErrors().keySet())), locale)
            : text(e.messageKey(), e.arguments(), locale);
    return new ApiError(status.value(), code, message, fields);
  }

  public ApiError of(
      HttpStatus status,
      String code,
      String messageKey,
      Map<String, String> fieldKeys,
      HttpServletRequest request) {
    Locale locale = locale(request);
    Map<String, String> fields = new LinkedHashMap<>();
    fieldKeys.forEach((f, key) -> fields.put(f, text(key, List.of(), locale)));
    return new ApiError(
        status.value(),
        code,
        text(messageKey, List.of(String.join(", ", fieldKeys.keySet())), locale),
        fields);
  }
}
