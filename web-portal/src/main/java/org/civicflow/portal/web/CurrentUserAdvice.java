package org.civicflow.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user (name, department, roles) into every page's model for the header. */
@ControllerAdvice(basePackages = "org.civicflow.portal")
class CurrentUserAdvice {

  private final UserDirectory users;
  private final DepartmentDirectory departments;
  private final Inbox inbox;
  private final org.civicflow.domain.notification.Notifications notices;

  CurrentUserAdvice(
      UserDirectory users,
      DepartmentDirectory departments,
      Inbox inbox,
      org.civicflow.domain.notification.Notifications notices) {
    this.users = users;
    this.departments = departments;
    this.inbox = inbox;
    this.notices = notices;
  }

  /** Pages only: API answers have no header, so they skip these queries. */
  private static boolean isPage(Principal principal, HttpServletRequest request) {
    return principal != null && !request.getRequestURI().startsWith("/api/");
  }

  /** The number of open tasks, for the header's inbox link. */
  @ModelAttribute("openTasks")
  Long openTasks(Principal principal, HttpServletRequest request) {
    if (!isPage(principal, request)) {
      return null;
    }
    return users.find(principal.getName()).map(u -> inbox.count(Caller.of(u))).orElse(null);
  }

  /** The number of unread notices, for the header's notices link. */
  @ModelAttribute("unreadNotices")
  Long unreadNotices(Principal principal, HttpServletRequest request) {
    if (!isPage(principal, request)) {
      return null;
    }
    return notices.unread(principal.getName());
  }

  @ModelAttribute("currentUser")
  CurrentUser currentUser(Principal principal, HttpServletRequest request) {
    if (!isPage(principal, request)) {
      return null;
    }
    return users
        .find(principal.getName())
        .map(
            u ->
                new CurrentUser(
                    u.getUsername(),
                    u.getDisplayName(),
                    u.getDepartmentCode(),
                    u.getDepartmentCode() == null
                        ? null
                        : departments.get(u.getDepartmentCode()).name(),
                    List.copyOf(u.getRoles())))
        .orElse(null);
  }
}
