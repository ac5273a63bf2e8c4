package org.civicflow.portal.notification;

import java.security.Principal;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.notification.Notifications;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's notices: 催办, 逾期督办, replies sent — newest first, unread marked. */
@Controller
class NoticesController {

  private final Notifications notifications;
  private final DepartmentDirectory departments;
  private final Flash flash;

  NoticesController(Notifications notifications, DepartmentDirectory departments, Flash flash) {
    this.notifications = notifications;
    this.departments = departments;
    this.flash = flash;
  }

  @GetMapping("/portal/notices")
  String list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "false") boolean unread,
      Principal principal,
      Model model) {
    Notifications.Page p = notifications.page(principal.getName(), unread, page, 20);
    model.addAttribute("notices", p);
    model.addAttribute("unreadOnly", unread);
    model.addAttribute("pages", (int) Math.max(1, (p.total() + p.size() - 1) / p.size()));
    model.addAttribute(
        "departmentNames",
        departments.all().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    org.civicflow.domain.department.Department::code,
                    org.civicflow.domain.department.Department::name)));
    return "portal/notices";
  }

  @PostMapping("/portal/notices/{id}/read")
  String read(@PathVariable long id, Principal principal) {
    notifications.markRead(principal.getName(), id);
    return "redirect:/portal/notices";
  }

  @PostMapping("/portal/notices/read-all")
  String readAll(Principal principal, RedirectAttributes redirect) {
    flash.ok(redirect, "notices.allRead", notifications.markAllRead(principal.getName()));
    return "redirect:/portal/notices";
  }
}
