package org.civicflow.portal.admin.administration;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.calendar.DayKind;
import org.civicflow.domain.calendar.Holiday;
import org.civicflow.domain.calendar.HolidayAdministration;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.portal.web.Flash;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The holiday calendar of one year: its holidays and make-up working days, a form to add a day or a
 * run of days, and removal. A check line shows the sign-for deadline on the calendar as it is now.
 */
@Controller
class HolidayPagesController {

  private final HolidayAdministration admin;
  private final HolidayCalendar calendar;
  private final Flash flash;

  HolidayPagesController(HolidayAdministration admin, HolidayCalendar calendar, Flash flash) {
    this.admin = admin;
    this.calendar = calendar;
    this.flash = flash;
  }

  @GetMapping("/admin/holidays")
  String list(@RequestParam(required = false) Integer year, Model model) {
    return list(model, year(year), AdminForm.of(Map.of("kind", DayKind.HOLIDAY.name())));
  }

  @PostMapping("/admin/holidays")
  String add(
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    FieldErrors errors = new FieldErrors();
    LocalDate from = FormInput.date("date", form.get("date"), errors);
    LocalDate to = FormInput.date("to", form.get("to"), errors);
    DayKind kind = FormInput.choice("kind", form.get("kind"), DayKind.class, errors);
    try {
      errors.throwIfAny();
      List<Holiday> added = admin.add(from, to, kind, form.get("name"), principal.getName());
      flash.ok(redirect, "admin.flash.holidaysAdded", added.size());
      return "redirect:/admin/holidays?year=" + from.getYear();
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      int year = from != null ? from.getYear() : year(null);
      return list(model, year, AdminForm.of(new LinkedHashMap<>(form)).refused(e, flash));
    }
  }

  @PostMapping("/admin/holidays/{date}/delete")
  String remove(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Principal principal,
      RedirectAttributes redirect) {
    admin.remove(date, principal.getName());
    flash.ok(redirect, "admin.flash.holidayRemoved", date.toString());
    return "redirect:/admin/holidays?year=" + date.getYear();
  }

  private int year(Integer year) {
    return year != null && year >= 2000 && year <= 2100 ? year : calendar.today().getYear();
  }

  private String list(Model model, int year, AdminForm form) {
    model.addAttribute("year", year);
    model.addAttribute("days", admin.year(year));
    model.addAttribute("kinds", DayKind.values());
    model.addAttribute("form", form);
    LocalDate today = calendar.today();
    model.addAttribute("today", today);
    model.addAttribute("signForDue", calendar.deadlines().signForDueDate(today));
    return "admin/holidays";
  }
}
