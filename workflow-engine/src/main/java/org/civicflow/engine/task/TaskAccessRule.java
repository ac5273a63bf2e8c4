package org.civicflow.engine.task;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.HandlingVariables;

/**
 * Who may see, claim, give back and complete a task: its assignee and its candidates (the users and
 * groups its candidate links name); of the candidates, only while no colleague holds it. A review
 * or sign-off is moreover not for the author of the draft it decides, nor for someone who already
 * approved that version (separation of duties). The rule decides over the task's facts (its
 * assignee, its links, its department); {@link TaskWork} reads them and turns a refusal into the
 * answer (403, or 409 naming the colleague).
 */
final class TaskAccessRule {

  /** What the rule says about a caller and a task. */
  enum Verdict {
    /** The caller may go ahead. */
    MAY,
    /** Nothing to do: the caller already holds the task, or nobody holds what they give back. */
    NOTHING_TO_DO,
    /** Not the caller's task: refused, and the caller learns nothing about the task. */
    NOT_YOURS,
    /** The caller is a candidate, but a colleague holds the task. */
    HELD_BY_OTHER
  }

  private final SeparationOfDuties separation;

  TaskAccessRule(SeparationOfDuties separation) {
    this.separation = separation;
  }

  /** The assignee and the candidates see a task. */
  Verdict toView(String assignee, Supplier<List<IdentityLink>> links, Caller caller) {
    return caller.username().equals(assignee) || isCandidate(links.get(), caller)
        ? Verdict.MAY
        : Verdict.NOT_YOURS;
  }

  /**
   * A candidate takes a free task. Whether the caller is a candidate is checked before whether the
   * task is free: a stranger learns nothing about the task, not even who holds it.
   */
  Verdict toClaim(String assignee, Supplier<List<IdentityLink>> links, Caller caller) {
    if (caller.username().equals(assignee)) {
      return Verdict.NOTHING_TO_DO;
    }
    if (!isCandidate(links.get(), caller)) {
      return Verdict.NOT_YOURS;
    }
    return assignee == null ? Verdict.MAY : Verdict.HELD_BY_OTHER;
  }

  /**
   * The assignee gives a task back. A stranger learns nothing about the task, not even that it is
   * free; a candidate is told who holds it.
   */
  Verdict toUnclaim(String assignee, Supplier<List<IdentityLink>> links, Caller caller) {
    boolean holds = caller.username().equals(assignee);
    if (!holds && !isCandidate(links.get(), caller)) {
      return Verdict.NOT_YOURS;
    }
    if (assignee == null) {
      return Verdict.NOTHING_TO_DO;
    }
    return holds ? Verdict.MAY : Verdict.HELD_BY_OTHER;
  }

  /** The assignee, or a candidate while nobody holds the task, completes it. */
  Verdict toComplete(String assignee, Supplier<List<IdentityLink>> links, Caller caller) {
    if (assignee != null && !assignee.equals(caller.username())) {
      return isCandidate(links.get(), caller) ? Verdict.HELD_BY_OTHER : Verdict.NOT_YOURS;
    }
    if (assignee == null && !isCandidate(links.get(), caller)) {
      return Verdict.NOT_YOURS;
    }
    return Verdict.MAY;
  }

  /**
   * A review or sign-off step (or a further approval with one of their forms) is not for the author
   * of the draft it decides, nor for someone who already approved that version: refused with the
   * rule's message (403), as completing it would be.
   *
   * @param department the task's department, {@code null} for none
   * @param proposalId read only when the rule applies
   */
  void checkSeparation(TaskKey key, String department, LongSupplier proposalId, Caller caller) {
    ReviewStage stage =
        key == TaskKey.reviewDraft
            ? ReviewStage.REVIEW
            : key == TaskKey.signOff ? ReviewStage.SIGN_OFF : null;
    if (stage != null && department != null) {
      separation.checkMayDecide(proposalId.getAsLong(), department, stage, caller.username());
    }
  }

  static boolean isCandidate(List<IdentityLink> links, Caller caller) {
    for (IdentityLink link : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (caller.username().equals(link.getUserId())
          || (link.getGroupId() != null && caller.groups().contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  static List<String> candidateGroups(List<IdentityLink> links) {
    return links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** The variable naming the task's department, if the task belongs to one. */
  static Optional<String> departmentVariable(TaskKey key) {
    boolean departmental =
        !key.isRegistrars()
            || key == TaskKey.decideReassignment
            || key == TaskKey.decideExtension
            || key == TaskKey.superviseOverdue
            || key == TaskKey.confirmNonDisclosure
            || key == TaskKey.superviseCommitment
            || key == TaskKey.decideResultCategory;
    if (!departmental) {
      return Optional.empty();
    }
    return Optional.of(
        key == TaskKey.coHandlingOpinion
            ? DepartmentHandlingVariables.CO_DEPARTMENT
            : HandlingVariables.DEPARTMENT);
  }
}
