package org.civicflow.engine.proposal;

import java.util.Set;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;

/**
 * Which of a proposal's audit events a viewer sees in the timeline, by the rules of {@link
 * ProposalView}: an event belongs to the whole proposal (registration, acceptance, assignment), to
 * one department (read from the event's detail, which names the department first — or, for task
 * events, after the task key), or to nobody known, which only the registrar's office sees.
 *
 * <p>The registrar's decisions and comments on a department (supervision, extension, re-assignment,
 * disclosure) are that department's: it is the one being supervised or answered; other departments
 * and the proposer do not see them.
 */
final class TimelineScope {

  /** What a proposer's timeline shows of the handling. */
  static final Set<String> PROPOSER_ACTIONS =
      Set.of(
          "proposal.register",
          "proposal.accept",
          "proposal.refuse",
          "proposal.merge",
          "assignment.assign",
          "reply.send",
          "reply.publish",
          "feedback.give",
          "proposal.close",
          "proposal.withdraw",
          "assignment.rehandle");

  /** Events of the whole proposal, which every department assigned it sees. */
  static final Set<String> PROPOSAL_WIDE =
      Set.of(
          "proposal.register",
          "proposal.accept",
          "proposal.refuse",
          "proposal.merge",
          "proposal.assign",
          "proposal.reassign",
          "proposal.withdraw",
          "proposal.close",
          "proposal.markKey",
          "proposal.unmarkKey",
          "assignment.assign");

  /** A department's events that everyone who sees its sent reply sees. */
  static final Set<String> ONCE_SENT =
      Set.of(
          "reply.send",
          "reply.publish",
          "reply.withdrawPublication",
          "feedback.give",
          "feedback.none",
          "assignment.rehandle");

  /** Events whose detail names the task key first and the department second. */
  static final Set<String> TASK_EVENTS = Set.of("task.complete", "task.claim", "task.unclaim");

  /** Events whose detail begins with the department's code. */
  static final Set<String> DEPARTMENT_EVENTS =
      Set.of(
          "assignment.signFor",
          "assignment.requestReassignment",
          "assignment.release",
          "assignment.rehandle",
          "assignment.extend",
          "assignment.overdue",
          "assignment.complete",
          "assignment.decideExtension",
          "assignment.decideReassignment",
          "assignment.supervise",
          "extension.request",
          "draft.submit",
          "draft.withdraw",
          "draft.review",
          "draft.signOff",
          "coOpinion.submit",
          "coOpinion.missing",
          "reply.countersign",
          "reply.sign",
          "reply.voidSignature",
          "reply.send",
          "reply.publish",
          "reply.notPublic",
          "reply.disclosureDecision",
          "feedback.give",
          "feedback.none");

  private TimelineScope() {}

  /** Whether the viewer sees the event in the proposal's timeline. */
  static boolean sees(ProposalView view, AuditEvent e) {
    if (view.seesAll()) {
      return true;
    }
    if (view.standing() == ProposalView.Standing.PROPOSER) {
      return PROPOSER_ACTIONS.contains(e.action()) && AuditLog.OK.equals(e.result());
    }
    if (!AuditLog.OK.equals(e.result())) {
      return false;
    }
    if (PROPOSAL_WIDE.contains(e.action())) {
      return view.seesAt(e.occurredAt());
    }
    String dept = departmentOf(e);
    if (dept == null) {
      // a publication taken down names no department: it is news for whoever saw replies sent
      return "reply.withdrawPublication".equals(e.action())
          && view.seesReply(null, true)
          && view.seesAt(e.occurredAt());
    }
    if (view.seesWorkOf(dept)) {
      return true;
    }
    if (e.action().startsWith("coOpinion.")) {
      return view.seesOpinionOf(dept);
    }
    return ONCE_SENT.contains(e.action())
        && view.seesReply(dept, true)
        && view.seesAt(e.occurredAt());
  }

  /** The department an event belongs to, or {@code null} when it names none (or an unknown one). */
  static String departmentOf(AuditEvent e) {
    String detail = e.detail();
    if (detail == null || detail.isBlank()) {
      return null;
    }
    String[] words = detail.strip().split("[\\s:]+");
    if (DEPARTMENT_EVENTS.contains(e.action())) {
      return words[0];
    }
    if (TASK_EVENTS.contains(e.action()) && words.length > 1) {
      return words[1];
    }
    return null;
  }
}
