package org.civicflow.portal.web;

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

  CurrentUserAdvice(UserDirectory users, DepartmentDirectory departments, Inbox inbox) {
    this.users = users;
    this.departments = departments;
    this.inbox = inbox;
  }

  /** The number of open tasks, for the header's inbox link. */
  @ModelAttribute("openTasks")
  Long openTasks(Principal principal) {
    if (principal == null) {
      return null;
    }
    return users.find(principal.getName()).map(u -> inbox.count(Caller.of(u))).orElse(null);
  }

  @ModelAttribute("currentUser")
  CurrentUser currentUser(Principal principal) {
    if (principal == null) {
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
