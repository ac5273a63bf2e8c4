package org.civicflow.portal.commitment;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.commitment.OpenCommitment;
import org.civicflow.domain.commitment.PreSessionCheck;
import org.civicflow.domain.commitment.PreSessionSchedule;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.identity.Role;
import org.civicflow.engine.commitment.PreSessionCheckStarter;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.stereotype.Component;

/**
 * What the API and the page of the pre-session check show and do, for registrars and admins only
 * (403 for anyone else, before anything is read).
 */
@Component
class PreSessionView {

  /** Where a commitment's report before the session stands. */
  enum ReportState {
    /** The check has not started yet. */
    NOT_DUE,
    /** The check started; the department has not reported yet. */
    AWAITED,
    /** The department reported since the check started. */
    REPORTED
  }

  record SetRequest(String nextSessionDate, Integer leadDays) {}

  record Report(Instant at, String text, String by) {}

  record Item(
      long id,
      long proposalId,
      String number,
      String title,
      String text,
      LocalDate dueDate,
      String state,
      ReportState reportState,
      Report report) {}

  record Department(
      String department, String departmentName, int open, int reported, List<Item> commitments) {}

  record Check(
      LocalDate nextSessionDate,
      Integer leadDays,
      LocalDate checkOn,
      boolean started,
      List<Department> departments) {}

  private final PreSessionCheck check;
  private final PreSessionCheckStarter starter;
  private final HolidayCalendar calendar;
  private final Callers callers;

  PreSessionView(
      PreSessionCheck check,
      PreSessionCheckStarter starter,
      HolidayCalendar calendar,
      Callers callers) {
    this.check = check;
    this.starter = starter;
    this.calendar = calendar;
    this.callers = callers;
  }

  Check view(Principal principal) {
    staff(principal);
    Optional<PreSessionSchedule> schedule = check.schedule();
    boolean started = schedule.map(s -> !calendar.today().isBefore(s.checkOn())).orElse(false);
    Map<String, List<OpenCommitment>> byDepartment = new LinkedHashMap<>();
    for (OpenCommitment c : check.openCommitments()) {
      byDepartment.computeIfAbsent(c.departmentCode(), d -> new ArrayList<>()).add(c);
    }
    List<Department> departments = new ArrayList<>();
    byDepartment.forEach(
        (code, list) -> {
          List<Item> items = list.stream().map(c -> item(c, started)).toList();
          int reported = (int) list.stream().filter(OpenCommitment::reported).count();
          departments.add(
              new Department(code, list.get(0).departmentName(), list.size(), reported, items));
        });
    return new Check(
        schedule.map(PreSessionSchedule::nextSessionDate).orElse(null),
        schedule.map(PreSessionSchedule::leadDays).orElse(null),
        schedule.map(PreSessionSchedule::checkOn).orElse(null),
        started,
        departments);
  }

  Check set(Principal principal, SetRequest body) {
    Caller caller = staff(principal);
    SetRequest b = body == null ? new SetRequest(null, null) : body;
    starter.schedule(b.nextSessionDate(), b.leadDays(), caller.username());
    return view(principal);
  }

  private static Item item(OpenCommitment c, boolean started) {
    ReportState state =
        c.reported() ? ReportState.REPORTED : started ? ReportState.AWAITED : ReportState.NOT_DUE;
    return new Item(
        c.commitmentId(),
        c.proposalId(),
        c.number(),
        c.title(),
        c.text(),
        c.dueDate(),
        c.state().name(),
        state,
        c.reported() ? new Report(c.reportedAt(), c.reportText(), c.reportedBy()) : null);
  }

  private Caller staff(Principal principal) {
    Caller caller = callers.of(principal);
    if (!caller.has(Role.REGISTRAR) && !caller.has(Role.ADMIN)) {
      throw new ForbiddenException("presession.forbidden");
    }
    return caller;
  }
}
