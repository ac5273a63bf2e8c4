package org.civicflow.engine.proposal;

import java.time.Instant;
import java.util.Set;

/**
 * What one caller may see of one proposal (need-to-know): the one place that decides it for the
 * detail, the portal pages, the task page, the diffs, the reply letters, the diagram and the
 * timeline.
 *
 * <ul>
 *   <li>the registrar's office and administrators see everything;
 *   <li>a lead department sees everything of its own handling (drafts, comments, its tasks, its
 *       replies before they are sent) and the co-handling departments' opinions; a department
 *       handling separately (分办) is the lead of its own reply only;
 *   <li>a co-handling department sees the proposal, its own opinion and the replies once sent;
 *   <li>a department released by a re-assignment keeps what it had written and saw, sees nothing
 *       that happened after its release, and has no tasks;
 *   <li>the proposer sees what was sent.
 * </ul>
 *
 * A department's "work" is everything keyed by its code: drafts with their decisions and comments,
 * opinions, unsent replies, tasks, the registrar's decisions and comments on it.
 */
public final class ProposalView {

  /** The caller's standing on the proposal. */
  public enum Standing {
    /** The registrar's office or an administrator. */
    ALL,
    /** Staff of the lead department, or of a separately handling one. */
    HANDLING,
    /** Staff of a co-handling department. */
    CO_HANDLING,
    /** Staff of a department that a re-assignment released. */
    RELEASED,
    /** The proposer of their own proposal. */
    PROPOSER
  }

  private final Standing standing;
  private final String department;
  private final Instant releasedAt;
  private final Set<String> leads;

  /**
   * @param department the caller's department (for the departments' standings)
   * @param releasedAt when the caller's department was released (for {@link Standing#RELEASED})
   * @param leads the departments leading the handling now
   */
  ProposalView(Standing standing, String department, Instant releasedAt, Set<String> leads) {
    this.standing = standing;
    this.department = department;
    this.releasedAt = releasedAt;
    this.leads = Set.copyOf(leads);
  }

  public Standing standing() {
    return standing;
  }

  /** The caller's department, when the caller sees the proposal as its staff. */
  public String department() {
    return isStaff() ? department : null;
  }

  /** Whether the caller sees everything. */
  public boolean seesAll() {
    return standing == Standing.ALL;
  }

  /** Whether the caller sees any of the internal record (its own department's, or all). */
  public boolean internal() {
    return standing != Standing.PROPOSER;
  }

  private boolean isStaff() {
    return standing == Standing.HANDLING
        || standing == Standing.CO_HANDLING
        || standing == Standing.RELEASED;
  }

  /** Whether the caller sees a department's work: its drafts, comments, opinion, unsent replies. */
  public boolean seesWorkOf(String dept) {
    return seesAll() || (isStaff() && dept != null && dept.equals(department));
  }

  /** Whether the caller sees a co-handling department's opinion: it, and the lead it went to. */
  public boolean seesOpinionOf(String coDepartment) {
    return seesWorkOf(coDepartment)
        || (standing == Standing.HANDLING && leads.contains(department));
  }

  /** Whether the caller sees a department's signed reply, {@code sent} or not yet. */
  public boolean seesReply(String dept, boolean sent) {
    return seesWorkOf(dept) || (sent && standing != Standing.RELEASED);
  }

  /** Whether the caller sees (and may work on) an open task of a department. */
  public boolean seesTaskOf(String dept) {
    return seesAll()
        || ((standing == Standing.HANDLING || standing == Standing.CO_HANDLING)
            && dept != null
            && dept.equals(department));
  }

  /** Whether the caller's department is assigned the proposal now (not released). */
  public boolean handlesNow() {
    return standing == Standing.HANDLING || standing == Standing.CO_HANDLING;
  }

  /**
   * Whether something that happened at {@code at} is not news to the caller: for a released
   * department, what happened before the second of its release (records keep whole seconds, so the
   * second of the release itself counts as news: nothing later ever shows).
   */
  public boolean seesAt(Instant at) {
    return standing != Standing.RELEASED || (at != null && at.isBefore(releasedAt));
  }
}
