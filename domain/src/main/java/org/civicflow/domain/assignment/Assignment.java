package org.civicflow.domain.assignment;

import java.time.Instant;
import java.time.LocalDate;
import org.civicflow.domain.common.ConflictException;

/** One department's assignment on one proposal, with its deadlines. */
public class Assignment {

  private Long id;
  private long proposalId;
  private String departmentCode;
  private AssignmentRole role;
  private AssignmentState state;
  private HandlingStage stage;
  private int round = 1;
  private LocalDate dueDate;
  private LocalDate signForDueDate;
  private Instant assignedAt;
  private String assignedBy;
  private Instant signedForAt;
  private String signedForBy;
  private String reassignmentReason;
  private int extensionCount;
  private LocalDate overdueSince;
  private Instant completedAt;
  private LocalDate firstRepliedOn;
  private LocalDate firstReplyDue;
  private int version;

  Assignment() {}

  /** A new assignment waiting for the department to sign for it. */
  public Assignment(
      long proposalId,
      String departmentCode,
      AssignmentRole role,
      LocalDate dueDate,
      LocalDate signForDueDate,
      String assignedBy,
      Instant assignedAt) {
    this.proposalId = proposalId;
    this.departmentCode = departmentCode;
    this.role = role;
    this.state = AssignmentState.AWAITING_SIGN_FOR;
    this.dueDate = dueDate;
    this.signForDueDate = signForDueDate;
    this.assignedBy = assignedBy;
    this.assignedAt = assignedAt;
  }

  /** The department accepts the assignment (签收), or is deemed to after the window. */
  public void signFor(String by, Instant now) {
    require(
        state == AssignmentState.AWAITING_SIGN_FOR
            || state == AssignmentState.REASSIGNMENT_REQUESTED);
    this.state = AssignmentState.SIGNED_FOR;
    this.signedForBy = by;
    this.signedForAt = now;
    if (role.replies()) {
      this.stage = HandlingStage.DRAFTING;
    }
  }

  /** Carries the sign-for of an earlier assignment of the same department over (re-assignment). */
  void carrySignForFrom(Assignment earlier) {
    if (earlier.signedForAt != null && earlier.role == role) {
      signFor(earlier.signedForBy, earlier.signedForAt);
    }
  }

  /** Moves the department's reply work to {@code next}. */
  public void advanceTo(HandlingStage next) {
    require(state == AssignmentState.SIGNED_FOR && role.replies());
    this.stage = next;
  }

  /** The one second round after an unsatisfied rating, with its own deadline. */
  public void startSecondRound(LocalDate newDueDate) {
    require(state == AssignmentState.SIGNED_FOR && round == 1);
    this.round = 2;
    this.stage = HandlingStage.DRAFTING;
    this.dueDate = newDueDate;
    this.overdueSince = null;
  }

  /**
   * The department asks for re-assignment. Allowed only within the sign-for window (5 working days
   * by default); afterwards the request is refused.
   */
  public void requestReassignment(String reason, LocalDate today) {
    require(state == AssignmentState.AWAITING_SIGN_FOR);
    if (today.isAfter(signForDueDate)) {
      throw new ConflictException("assignment.reassignmentWindowClosed", signForDueDate);
    }
    this.state = AssignmentState.REASSIGNMENT_REQUESTED;
    this.reassignmentReason = reason;
  }

  /** The registrar approved a re-assignment: the department is relieved. */
  public void release(Instant now) {
    require(state.isOpen());
    this.state = AssignmentState.RELEASED;
    this.completedAt = now;
  }

  /** The registrar granted more time. */
  public void extendTo(LocalDate newDueDate) {
    require(state.isOpen());
    if (!newDueDate.isAfter(dueDate)) {
      throw new ConflictException("assignment.extensionNotLater", dueDate);
    }
    this.dueDate = newDueDate;
    this.extensionCount++;
    this.overdueSince = null;
  }

  /** The deadline passed without the department finishing. */
  public void markOverdue(LocalDate today) {
    if (overdueSince == null) {
      this.overdueSince = today;
    }
  }

  /**
   * Keeps the day of the department's first reply and the deadline in force on that day, for the
   * on-time rate (a later extension or second round moves the deadline). Later replies change
   * nothing.
   *
   * @return whether this was the first reply
   */
  public boolean recordFirstReply(LocalDate today) {
    if (firstRepliedOn != null || !role.replies()) {
      return false;
    }
    this.firstRepliedOn = today;
    this.firstReplyDue = dueDate;
    return true;
  }

  public void complete(Instant now) {
    require(state == AssignmentState.SIGNED_FOR);
    this.state = AssignmentState.COMPLETED;
    if (role.replies()) {
      this.stage = HandlingStage.DONE;
    }
    this.completedAt = now;
  }

  public void cancel(Instant now) {
    if (state.isOpen()) {
      this.state = AssignmentState.CANCELLED;
      this.completedAt = now;
    }
  }

  /** Whether the department is late on {@code today}. */
  public boolean isOverdue(LocalDate today) {
    return state.isOpen() && (overdueSince != null || today.isAfter(dueDate));
  }

  private void require(boolean legal) {
    if (!legal) {
      throw new ConflictException("assignment.illegalState", id, state);
    }
  }

  void versionSaved() {
    version++;
  }

  public Long getId() {
    return id;
  }

  public long getProposalId() {
    return proposalId;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public AssignmentRole getRole() {
    return role;
  }

  public AssignmentState getState() {
    return state;
  }

  public HandlingStage getStage() {
    return stage;
  }

  public int getRound() {
    return round;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public LocalDate getSignForDueDate() {
    return signForDueDate;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }

  public String getAssignedBy() {
    return assignedBy;
  }

  public Instant getSignedForAt() {
    return signedForAt;
  }

  public String getSignedForBy() {
    return signedForBy;
  }

  public String getReassignmentReason() {
    return reassignmentReason;
  }

  public int getExtensionCount() {
    return extensionCount;
  }

  public LocalDate getOverdueSince() {
    return overdueSince;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  /** The day the department's first reply was sent, or {@code null}. */
  public LocalDate getFirstRepliedOn() {
    return firstRepliedOn;
  }

  /** The deadline in force when the first reply was sent, or {@code null}. */
  public LocalDate getFirstReplyDue() {
    return firstReplyDue;
  }

  public int getVersion() {
    return version;
  }
}
