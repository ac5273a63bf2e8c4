package org.civicflow.engine.proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.engine.proposal.ProposalDetail.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * A proposal's history as its viewer may see it: the audit events ({@link TimelineScope}) and the
 * process history — when each step opened, timers that fired, messages received. The process
 * history of a department's handling is that department's (and the registrar's office's); the
 * proposer sees neither, only what was done for them.
 */
@Component
class ProposalTimeline {

  /** Activity types of the process history that the timeline shows, with their codes. */
  static final Map<String, String> HISTORY_KINDS =
      Map.of(
          "userTask", "process.opened",
          "boundaryTimer", "process.timer",
          "boundaryMessage", "process.message",
          "messageStartEvent", "process.message");

  private final HistoryService history;
  private final AuditLog audit;

  ProposalTimeline(HistoryService history, AuditLog audit) {
    this.history = history;
    this.audit = audit;
  }

  List<TimelineEntry> of(long id, ProposalView view) {
    List<TimelineEntry> entries = new ArrayList<>();
    if (view.internal()) {
      for (HistoricProcessInstance instance :
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(String.valueOf(id))
              .list()) {
        if (view.seesAll() || view.seesWorkOf(HandlingInstances.departmentOf(history, instance))) {
          processHistory(instance, view, entries);
        }
      }
    }
    boolean proposer = view.standing() == ProposalView.Standing.PROPOSER;
    for (AuditEvent e : audit.forObject("proposal", String.valueOf(id))) {
      if (!TimelineScope.sees(view, e)) {
        continue;
      }
      if (proposer) {
        String detail = "proposal.refuse".equals(e.action()) ? e.detail() : null;
        entries.add(new TimelineEntry(e.occurredAt(), null, "audit", e.action(), detail));
      } else {
        entries.add(new TimelineEntry(e.occurredAt(), e.actor(), "audit", e.action(), e.detail()));
      }
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }

  private void processHistory(
      HistoricProcessInstance instance, ProposalView view, List<TimelineEntry> entries) {
    for (var activity :
        history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list()) {
      String code = HISTORY_KINDS.get(activity.getActivityType());
      if (code != null && view.seesAt(activity.getStartTime().toInstant())) {
        entries.add(
            new TimelineEntry(
                activity.getStartTime().toInstant(),
                "userTask".equals(activity.getActivityType()) ? null : "system",
                "process",
                code,
                activity.getActivityName()));
      }
    }
  }
}
