package org.civicflow.portal.admin.administration;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicflow.domain.calendar.DayKind;
import org.civicflow.domain.calendar.Holiday;
import org.civicflow.domain.calendar.HolidayAdministration;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionAdministration;
import org.civicflow.domain.session.SessionCatalog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/sessions} (list with the current one, add, change, mark current) and {@code
 * /api/v1/admin/holidays} (a year's days, add a day or a run, remove one). Admins only.
 */
@RestController
@RequestMapping("/api/v1/admin")
class CalendarApiController {

  /** A session as the API shows it. */
  record SessionView(
      long id,
      String name,
      org.civicflow.domain.session.SessionKind kind,
      LocalDate opensOn,
      boolean active,
      boolean current) {

    static SessionView of(Session s, Optional<Session> current) {
      return new SessionView(
          s.id(),
          s.name(),
          s.kind(),
          s.opensOn(),
          s.active(),
          current.filter(c -> c.id().equals(s.id())).isPresent());
    }
  }

  /** A new session; {@code active} defaults to true. */
  record NewSession(
      String name,
      org.civicflow.domain.session.SessionKind kind,
      LocalDate opensOn,
      Boolean active,
      boolean current) {}

  /** Days to add: {@code date} alone, or {@code date} to {@code to}. */
  record NewDays(LocalDate date, LocalDate to, DayKind kind, String name) {}

  private final SessionCatalog sessions;
  private final SessionAdministration sessionAdmin;
  private final HolidayAdministration holidays;
  private final HolidayCalendar calendar;

  CalendarApiController(
      SessionCatalog sessions,
      SessionAdministration sessionAdmin,
      HolidayAdministration holidays,
      HolidayCalendar calendar) {
    this.sessions = sessions;
    this.sessionAdmin = sessionAdmin;
    this.holidays = holidays;
    this.calendar = calendar;
  }

  @GetMapping("/sessions")
  Map<String, List<SessionView>> sessions() {
    Optional<Session> current = sessions.current();
    return Map.of("items", sessions.all().stream().map(s -> SessionView.of(s, current)).toList());
  }

  @PostMapping("/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  SessionView createSession(@RequestBody NewSession body, Principal principal) {
    Session s =
        sessionAdmin.create(
            new SessionAdministration.Edit(
                body.name(), body.kind(), body.opensOn(), body.active() == null || body.active()),
            body.current(),
            principal.getName());
    return SessionView.of(s, sessions.current());
  }

  @PutMapping("/sessions/{id}")
  SessionView updateSession(
      @PathVariable long id, @RequestBody SessionAdministration.Edit body, Principal principal) {
    return SessionView.of(sessionAdmin.update(id, body, principal.getName()), sessions.current());
  }

  @PostMapping("/sessions/{id}/current")
  SessionView markCurrent(@PathVariable long id, Principal principal) {
    sessionAdmin.markCurrent(id, principal.getName());
    return SessionView.of(sessions.get(id), sessions.current());
  }

  @GetMapping("/holidays")
  Map<String, Object> holidays(@RequestParam(required = false) Integer year) {
    int y = year == null ? calendar.today().getYear() : year;
    if (y < 1900 || y > 2999) {
      throw ValidationException.of("year", "validation.type.number");
    }
    return Map.of("year", y, "items", holidays.year(y));
  }

  @PostMapping("/holidays")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, List<Holiday>> addHolidays(@RequestBody NewDays body, Principal principal) {
    return Map.of(
        "items",
        holidays.add(body.date(), body.to(), body.kind(), body.name(), principal.getName()));
  }

  @DeleteMapping("/holidays/{date}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeHoliday(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Principal principal) {
    holidays.remove(date, principal.getName());
  }
}
