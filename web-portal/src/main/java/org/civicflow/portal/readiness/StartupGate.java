package org.civicflow.portal.readiness;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers 503 to everything but the public site and health until this node is ready to work:
 *
 * <ul>
 *   <li>until its start-up work (migrations, model deployment, demo data) is done — the demo loader
 *       moves the engine's clock while it replays history, and a request handled then would get
 *       deadlines of that time;
 *   <li>while it lacks a seal key the stored records use ({@link UnknownSealKeys}) — whatever it
 *       sealed, the other nodes could not verify. Then signing in and reading the administrators'
 *       integrity page stay open, so that the reason can be read on the node itself (its audit
 *       records go to its log, see {@code AuditLog}).
 * </ul>
 */
class StartupGate extends OncePerRequestFilter {

  private static final List<String> ALWAYS_OPEN =
      List.of("/public/", "/api/v1/public/", "/css/", "/js/", "/img/", "/actuator/health");

  /** What a node without a key in use still answers: signing in and out, the integrity page. */
  private static final List<String> READ_WITHOUT_KEYS = List.of("/login", "/admin/integrity");

  private static final List<String> POST_WITHOUT_KEYS = List.of("/login", "/logout");

  private final UnknownSealKeys unknownKeys;
  private final MessageSource messages;
  private final LocaleResolver locales;
  private volatile boolean started;

  StartupGate(UnknownSealKeys unknownKeys, MessageSource messages, LocaleResolver locales) {
    this.unknownKeys = unknownKeys;
    this.messages = messages;
    this.locales = locales;
  }

  /** Spring Boot accepts traffic once every start-up runner has finished. */
  @EventListener
  void readiness(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      started = true;
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isOpen(path, ALWAYS_OPEN) || path.isEmpty() || path.equals("/")) {
      chain.doFilter(request, response);
      return;
    }
    String refusal = null;
    if (!started) {
      refusal = "readiness.starting";
    } else if (unknownKeys.any() && !openWithoutKeys(request.getMethod(), path)) {
      refusal = "readiness.sealKeyMissing";
    }
    if (refusal == null) {
      chain.doFilter(request, response);
    } else {
      refuse(request, response, path, refusal);
    }
  }

  /** Reading the reason, signing in to read it: nothing that writes shared records. */
  private static boolean openWithoutKeys(String method, String path) {
    return ("GET".equals(method) && READ_WITHOUT_KEYS.contains(path))
        || ("POST".equals(method) && POST_WITHOUT_KEYS.contains(path));
  }

  private static boolean isOpen(String path, List<String> open) {
    for (String prefix : open) {
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return true;
      }
    }
    return path.equals("/favicon.ico");
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, String path, String key)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    String message = messages.getMessage(key, null, locale);
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "10");
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding("UTF-8");
    if (path.startsWith("/api/")) {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"status\":503,\"error\":\"not_ready\",\"message\":\""
                  + message.replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\",\"fields\":{}}");
      return;
    }
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    String title = HtmlUtils.htmlEscape(messages.getMessage("readiness.title", null, locale));
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\""
                + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>"
                + title
                + "</title><link rel=\"stylesheet\" href=\""
                + request.getContextPath()
                + "/css/site.css\"></head><body><main id=\"main\"><h1>"
                + title
                + "</h1><p class=\"alert\" role=\"status\">"
                + HtmlUtils.htmlEscape(message)
                + "</p></main></body></html>");
  }
}
