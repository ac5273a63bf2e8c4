package org.civicflow.domain.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A suggestion of a deputy or a proposal of a CPPCC member, with its handling status. The number is
 * unique within its session.
 */
public class Proposal {

  private Long id;
  private long sessionId;
  private String sessionName;
  private String number;
  private ProposalType type;
  private String title;
  private String content;
  private String category;
  private String proposer;
  private String proposerUsername;
  // Without accessors of its own: MyBatis fills it directly from the co-signer rows.
  private List<String> coSignerNames = new ArrayList<>();
  private String delegation;
  private Instant submittedAt;
  private ProposalStatus status;
  private boolean keyItem;
  private Long mergedIntoId;
  private String statusReason;
  private String processInstanceId;
  private String registeredBy;
  private Instant registeredAt;
  private Instant updatedAt;
  private int version;

  Proposal() {}

  /** A newly registered proposal. */
  Proposal(NewProposal input, long sessionId, String registeredBy, Instant now) {
    this.sessionId = sessionId;
    this.sessionName = input.session().strip();
    this.number = input.number().strip();
    this.type = input.type();
    this.title = input.title().strip();
    this.content = input.content().strip();
    this.category = blankToNull(input.category());
    this.proposer = input.proposer().strip();
    this.proposerUsername = blankToNull(input.proposerUsername());
    this.coSignerNames =
        input.coSigners() == null
            ? new ArrayList<>()
            : new ArrayList<>(
                input.coSigners().stream()
                    .filter(s -> s != null && !s.isBlank())
                    .map(String::strip)
                    .toList());
    this.delegation = blankToNull(input.delegation());
    this.submittedAt = input.submittedAt();
    this.status = ProposalStatus.REGISTERED;
    this.registeredBy = registeredBy;
    this.registeredAt = now;
    this.updatedAt = now;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * Moves the proposal to {@code target}, refusing moves that the handling rules do not allow.
   *
   * @param reason why (refusal reason, withdrawal note), kept with the status
   */
  public void moveTo(ProposalStatus target, String reason, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new IllegalStatusMoveException(id == null ? 0 : id, status, target);
    }
    this.status = target;
    if (reason != null) {
      this.statusReason = reason;
    }
    this.updatedAt = now;
  }

  /**
   * Follows the departments' progress. With one replying department every move must be legal; when
   * several departments reply separately the status summarises them (the least advanced one) and
   * may move between the handling statuses in either direction.
   */
  public void followDepartments(ProposalStatus summary, boolean severalDepartments, Instant now) {
    if (summary == status) {
      return;
    }
    boolean bothHandling = isHandlingStatus(status) && isHandlingStatus(summary);
    if (severalDepartments && bothHandling) {
      this.status = summary;
      this.updatedAt = now;
    } else {
      moveTo(summary, null, now);
    }
  }

  private static boolean isHandlingStatus(ProposalStatus s) {
    return s == ProposalStatus.HANDLING
        || s == ProposalStatus.IN_REVIEW
        || s == ProposalStatus.REPLIED
        || s == ProposalStatus.AWAITING_FEEDBACK
        || s == ProposalStatus.REHANDLING;
  }

  /** Records that this proposal is handled together with {@code targetId} (并案). */
  public void mergeInto(long targetId, String reason, Instant now) {
    if (id != null && id == targetId) {
      throw new IllegalArgumentException("a proposal cannot be merged into itself");
    }
    moveTo(ProposalStatus.MERGED, reason, now);
    this.mergedIntoId = targetId;
  }

  /** Marks the proposal for leadership attention (重点督办), or clears the mark. */
  public void markKey(boolean key, Instant now) {
    this.keyItem = key;
    this.updatedAt = now;
  }

  /** Called after a successful save: the stored row now carries the next version. */
  void versionSaved() {
    this.version++;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public long getSessionId() {
    return sessionId;
  }

  public String getSessionName() {
    return sessionName;
  }

  public String getNumber() {
    return number;
  }

  public ProposalType getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public String getContent() {
    return content;
  }

  public String getCategory() {
    return category;
  }

  public String getProposer() {
    return proposer;
  }

  public String getProposerUsername() {
    return proposerUsername;
  }

  public List<String> getCoSigners() {
    return List.copyOf(coSignerNames);
  }

  public String getDelegation() {
    return delegation;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public ProposalStatus getStatus() {
    return status;
  }

  public boolean isKeyItem() {
    return keyItem;
  }

  public Long getMergedIntoId() {
    return mergedIntoId;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
