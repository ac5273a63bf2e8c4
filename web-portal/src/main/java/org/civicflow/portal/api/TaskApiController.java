package org.civicflow.portal.api;

import java.security.Principal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.InboxRow;
import org.civicflow.engine.task.TaskCommitments;
import org.civicflow.engine.task.TaskKey;
import org.civicflow.engine.task.TaskView;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.web.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox and work on tasks: claim, unclaim, complete. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApiController {

  private final Callers callers;
  private final Inbox inbox;
  private final TaskWork work;
  private final TaskCommitments commitments;

  TaskApiController(Callers callers, Inbox inbox, TaskWork work, TaskCommitments commitments) {
    this.callers = callers;
    this.inbox = inbox;
    this.work = work;
    this.commitments = commitments;
  }

  /** One inbox item. */
  record TaskItem(
      String id,
      String key,
      String name,
      long proposalId,
      String proposalNumber,
      String title,
      String department,
      Date dueDate,
      Date created,
      String assignee,
      boolean overdue,
      String session,
      boolean keyItem,
      Long commitmentId) {}

  /** An inbox page: the items, paging, and how many are overdue. */
  record InboxPage(List<TaskItem> items, int page, int size, long total, long overdue) {}

  @GetMapping
  InboxPage inbox(
      @RequestParam(required = false) String key,
      @RequestParam(required = false) Long session,
      @RequestParam(required = false) Boolean keyOnly,
      @RequestParam(required = false) Long proposal,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Principal principal) {
    new FieldErrors()
        .check(key == null || TaskKey.of(key).isPresent(), "key", "validation.choice")
        .check(size > 0 && size <= InboxFilter.MAX_SIZE, "size", "validation.pageSize")
        .check(page >= 0, "page", "validation.page")
        .throwIfAny();
    Caller caller = callers.of(principal);
    Inbox.Page p = inbox.page(caller, new InboxFilter(key, session, keyOnly, proposal, page, size));
    List<TaskItem> items =
        p.items().stream().map(r -> item(r, p.now(), commitments.of(r))).toList();
    return new InboxPage(items, p.page(), p.size(), p.total(), p.overdue());
  }

  private static TaskItem item(InboxRow r, Date now, Long commitmentId) {
    return new TaskItem(
        r.id(),
        r.key(),
        r.name(),
        r.proposalId(),
        r.proposalNumber(),
        r.title(),
        r.department(),
        r.dueDate(),
        r.created(),
        r.assignee(),
        r.overdue(now),
        r.sessionName(),
        r.keyItem(),
        commitmentId);
  }

  @GetMapping("/{id}")
  TaskView task(@PathVariable String id, Principal principal) {
    return work.get(id, callers.of(principal));
  }

  @PostMapping("/{id}/claim")
  ResponseEntity<Void> claim(@PathVariable String id, Principal principal) {
    work.claim(id, callers.of(principal));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/unclaim")
  ResponseEntity<Void> unclaim(@PathVariable String id, Principal principal) {
    work.unclaim(id, callers.of(principal));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(
      @PathVariable String id,
      @RequestBody(required = false) Map<String, Object> body,
      Principal principal) {
    work.complete(id, body == null ? Map.of() : body, callers.of(principal));
    return ResponseEntity.noContent().build();
  }
}
