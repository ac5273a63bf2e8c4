package org.civicflow.portal.notification;

import java.security.Principal;
import org.civicflow.domain.notification.Notifications;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notices over the API (an addition to api-v1). */
@RestController
class NoticesApiController {

  private final Notifications notifications;

  NoticesApiController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/api/v1/notifications")
  Notifications.Page list(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Principal principal) {
    return notifications.page(principal.getName(), unread, page, size);
  }

  @PostMapping("/api/v1/notifications/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(@PathVariable long id, Principal principal) {
    notifications.markRead(principal.getName(), id);
  }
}
