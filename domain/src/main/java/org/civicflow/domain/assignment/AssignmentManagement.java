package org.civicflow.domain.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.calendar.Deadlines;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.domain.proposal.Proposals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments of proposals to departments: the plan, sign-for and re-assignment, deadlines and
 * extensions, the departments' progress and the proposal status that follows from it.
 */
@Service
public class AssignmentManagement {

  static final int MAX_REASON = 1000;

  private final ProposalAssignments assignments;
  private final Proposals proposals;
  private final ProposalLifecycle lifecycle;
  private final DepartmentDirectory departments;
  private final HolidayCalendar calendar;
  private final AuditLog audit;
  private final Clock clock;

  AssignmentManagement(
      ProposalAssignments assignments,
      Proposals proposals,
      ProposalLifecycle lifecycle,
      DepartmentDirectory departments,
      HolidayCalendar calendar,
      AuditLog audit,
      Clock clock) {
    this.assignments = assignments;
    this.proposals = proposals;
    this.lifecycle = lifecycle;
    this.departments = departments;
    this.calendar = calendar;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks a plan without saving anything; every problem is named by its field. */
  public void validate(AssignmentPlan plan) {
    FieldErrors errors = new FieldErrors().required("mode", plan.mode());
    Set<String> seen = new HashSet<>();
    if (plan.mode() == AssignmentMode.LEAD_CO) {
      errors.required("lead", plan.lead());
      if (plan.lead() != null && !plan.lead().isBlank()) {
        errors.check(departments.exists(plan.lead()), "lead", "validation.department.unknown");
        seen.add(plan.lead());
      }
      for (String c : plan.co()) {
        errors.check(departments.exists(c), "co", "validation.department.unknown");
        errors.check(seen.add(c), "co", "validation.assignment.duplicateDepartment");
      }
    } else if (plan.mode() == AssignmentMode.SEPARATE) {
      errors.check(
          plan.departments().size() >= 2, "departments", "validation.assignment.separateNeedsTwo");
      for (String d : plan.departments()) {
        errors.check(departments.exists(d), "departments", "validation.department.unknown");
        errors.check(seen.add(d), "departments", "validation.assignment.duplicateDepartment");
      }
    }
    if (plan.dueDate() != null) {
      try {
        calendar.deadlines().requestedDueDate(calendar.today(), plan.dueDate());
      } catch (org.civicflow.domain.common.ValidationException e) {
        e.fieldErrors().forEach(errors::add);
      }
    }
    errors.throwIfAny();
  }

  /**
   * Assigns the proposal (交办): one assignment per department, with the reply deadline and the
   * sign-for window. Departments that had signed for an earlier assignment in the same role keep
   * their sign-for. Earlier open assignments are released.
   */
  @Transactional
  public List<Assignment> assign(long proposalId, AssignmentPlan plan, String actor) {
    validate(plan);
    Proposal proposal = proposals.get(proposalId);
    LocalDate today = calendar.today();
    Deadlines deadlines = calendar.deadlines();
    LocalDate due =
        plan.dueDate() != null
            ? deadlines.requestedDueDate(today, plan.dueDate())
            : deadlines.replyDueDate(today, plan.deadlineMonths());
    LocalDate signForDue = deadlines.signForDueDate(today);
    List<Assignment> earlier = List.copyOf(assignments.all(proposalId));
    for (Assignment a : earlier) {
      if (a.getState().isOpen()) {
        a.release(clock.instant());
        assignments.save(a);
      }
    }
    List<Assignment> created = new ArrayList<>();
    if (plan.mode() == AssignmentMode.LEAD_CO) {
      created.add(
          create(proposalId, plan.lead(), AssignmentRole.LEAD, due, signForDue, actor, earlier));
      for (String c : plan.co()) {
        created.add(create(proposalId, c, AssignmentRole.CO, due, signForDue, actor, earlier));
      }
    } else {
      for (String d : plan.departments()) {
        created.add(
            create(proposalId, d, AssignmentRole.SEPARATE, due, signForDue, actor, earlier));
      }
    }
    audit.record(
        actor,
        "assignment.assign",
        "proposal",
        String.valueOf(proposalId),
        plan.mode()
            + " "
            + created.stream().map(a -> a.getDepartmentCode() + ":" + a.getRole()).toList()
            + " due "
            + due);
    if (proposal.getStatus() == org.civicflow.domain.proposal.ProposalStatus.ASSIGNING) {
      lifecycle.startHandling(proposalId, actor);
    }
    return created;
  }

  private Assignment create(
      long proposalId,
      String dept,
      AssignmentRole role,
      LocalDate due,
      LocalDate signForDue,
      String actor,
      List<Assignment> earlier) {
    Assignment a = new Assignment(proposalId, dept, role, due, signForDue, actor, clock.instant());
    earlier.stream()
        .filter(e -> e.getDepartmentCode().equals(dept) && e.getState() == AssignmentState.RELEASED)
        .filter(e -> e.getSignedForAt() != null && e.getReassignmentReason() == null)
        .reduce((x, y) -> y)
        .ifPresent(a::carrySignForFrom);
    assignments.insert(a);
    return a;
  }

  /** All assignments of a proposal, re-assigned ones included. */
  @Transactional(readOnly = true)
  public List<Assignment> of(long proposalId) {
    return List.copyOf(assignments.all(proposalId));
  }

  /** The open assignment of a department on a proposal. */
  @Transactional(readOnly = true)
  public Assignment open(long proposalId, String department) {
    return ProposalAssignments.openIn(assignments.all(proposalId), proposalId, department);
  }

  /** Departments that still have to sign for (or object to) their assignment. */
  @Transactional(readOnly = true)
  public List<String> awaitingSignFor(long proposalId) {
    return assignments.all(proposalId).stream()
        .filter(a -> a.getState() == AssignmentState.AWAITING_SIGN_FOR)
        .map(Assignment::getDepartmentCode)
        .toList();
  }

  /** The departments that reply: the lead, or each separately handling department. */
  @Transactional(readOnly = true)
  public List<String> replying(long proposalId) {
    return assignments.all(proposalId).stream()
        .filter(a -> a.getState().isOpen() && a.getRole().replies())
        .map(Assignment::getDepartmentCode)
        .toList();
  }

  /** The co-handling departments whose opinions the lead department waits for. */
  @Transactional(readOnly = true)
  public List<String> coHandling(long proposalId, String leadDepartment) {
    List<Assignment> all = assignments.all(proposalId);
    boolean isLead =
        all.stream()
            .anyMatch(
                a ->
                    a.getState().isOpen()
                        && a.getRole() == AssignmentRole.LEAD
                        && a.getDepartmentCode().equals(leadDepartment));
    if (!isLead) {
      return List.of();
    }
    return all.stream()
        .filter(a -> a.getState().isOpen() && a.getRole() == AssignmentRole.CO)
        .map(Assignment::getDepartmentCode)
        .toList();
  }

  /** 签收: the department accepts its assignment (or is deemed to). */
  @Transactional
  public void signFor(long proposalId, String department, String actor) {
    List<Assignment> all = assignments.all(proposalId);
    Assignment a = ProposalAssignments.openIn(all, proposalId, department);
    if (a.getState() == AssignmentState.SIGNED_FOR) {
      return;
    }
    a.signFor(actor, clock.instant());
    assignments.save(a);
    audit.record(actor, "assignment.signFor", "proposal", String.valueOf(proposalId), department);
    assignments.follow(proposalId, all);
  }

  /** The department asks the registrar to re-assign; refused after the sign-for window. */
  @Transactional
  public void requestReassignment(long proposalId, String department, String reason, String actor) {
    new FieldErrors()
        .required("reason", reason)
        .maxLength("reason", reason, MAX_REASON)
        .throwIfAny();
    Assignment a = open(proposalId, department);
    a.requestReassignment(reason.strip(), calendar.today());
    assignments.save(a);
    audit.record(
        actor,
        "assignment.requestReassignment",
        "proposal",
        String.valueOf(proposalId),
        department + ": " + reason.strip());
  }

  /**
   * The registrar approved the request: the department is relieved, the proposal is re-assigned.
   */
  @Transactional
  public void release(long proposalId, String department, String actor) {
    Assignment a = open(proposalId, department);
    a.release(clock.instant());
    assignments.save(a);
    audit.record(actor, "assignment.release", "proposal", String.valueOf(proposalId), department);
    lifecycle.backToAssignment(proposalId, actor);
  }

  /** Moves a replying department's work on, and the proposal status with it. */
  @Transactional
  public void advance(long proposalId, String department, HandlingStage stage, String actor) {
    List<Assignment> all = assignments.all(proposalId);
    Assignment a = ProposalAssignments.openIn(all, proposalId, department);
    boolean changed = false;
    if (a.getStage() != stage) {
      a.advanceTo(stage);
      changed = true;
    }
    if (stage == HandlingStage.REPLIED) {
      changed |= a.recordFirstReply(calendar.today());
    }
    if (changed) {
      assignments.save(a);
    }
    assignments.follow(proposalId, all);
  }

  /** The second handling round after an unsatisfied rating: one month from today. */
  @Transactional
  public Assignment startSecondRound(long proposalId, String department, String actor) {
    List<Assignment> all = assignments.all(proposalId);
    Assignment a = ProposalAssignments.openIn(all, proposalId, department);
    a.startSecondRound(calendar.deadlines().rehandlingDueDate(calendar.today()));
    assignments.save(a);
    audit.record(
        actor,
        "assignment.rehandle",
        "proposal",
        String.valueOf(proposalId),
        department + " due " + a.getDueDate());
    assignments.follow(proposalId, all);
    return a;
  }

  /** Grants an extension (at most the configured months after the current deadline). */
  @Transactional
  public Assignment extend(long proposalId, String department, LocalDate newDueDate, String actor) {
    Assignment a = open(proposalId, department);
    LocalDate checked = calendar.deadlines().extendedDueDate(a.getDueDate(), newDueDate);
    a.extendTo(checked);
    assignments.save(a);
    audit.record(
        actor,
        "assignment.extend",
        "proposal",
        String.valueOf(proposalId),
        department + " → " + checked);
    return a;
  }

  /** Checks an extension request before the registrar sees it. */
  @Transactional(readOnly = true)
  public LocalDate checkExtension(long proposalId, String department, LocalDate newDueDate) {
    return calendar
        .deadlines()
        .extendedDueDate(open(proposalId, department).getDueDate(), newDueDate);
  }

  /** The deadline passed: the item is overdue (督办). */
  @Transactional
  public void markOverdue(long proposalId, String department) {
    Assignment a = open(proposalId, department);
    a.markOverdue(calendar.today());
    assignments.save(a);
    audit.record(
        "system", "assignment.overdue", "proposal", String.valueOf(proposalId), department);
  }

  /** The department's part is done. */
  @Transactional
  public void complete(long proposalId, String department, String actor) {
    Assignment a = open(proposalId, department);
    a.complete(clock.instant());
    assignments.save(a);
    audit.record(actor, "assignment.complete", "proposal", String.valueOf(proposalId), department);
  }

  /** Ends every open assignment of a withdrawn proposal. */
  @Transactional
  public void cancelAll(long proposalId) {
    for (Assignment a : assignments.all(proposalId)) {
      if (a.getState().isOpen()) {
        a.cancel(clock.instant());
        assignments.save(a);
      }
    }
  }
}
