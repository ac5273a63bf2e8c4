package org.civicflow.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.civicflow.domain.common.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One-line messages shown on the next page after an action: done, or why not. */
@Component
public class Flash {

  private final ErrorResponses texts;

  Flash(ErrorResponses texts) {
    this.texts = texts;
  }

  public void ok(RedirectAttributes redirect, String key, Object... args) {
    redirect.addFlashAttribute("flashOk", texts.text(key, List.of(args), locale()));
  }

  public void error(RedirectAttributes redirect, DomainException e) {
    redirect.addFlashAttribute("flashError", texts.text(e.messageKey(), e.arguments(), locale()));
  }

  public String text(DomainException e) {
    return texts.text(e.messageKey(), e.arguments(), locale());
  }

  public String text(String key) {
    return texts.text(key, List.of(), locale());
  }

  /** A text of the bundles with its arguments, in the caller's language. */
  public String text(String key, Object... arguments) {
    return texts.text(key, List.of(arguments), locale());
  }

  private java.util.Locale locale() {
    HttpServletRequest request =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    return texts.locale(request);
  }
}
