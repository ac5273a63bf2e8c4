package org.civicflow.domain.reply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.common.ConflictException;

/** One version of a department's reply draft, with the decisions taken on it. */
public class ReplyDraft {

  private Long id;
  private long proposalId;
  private String departmentCode;
  private int version;
  private int round;
  private String replyText;
  // The stored code (MyBatis fills it directly); read as a ReplyCategory.
  private String categoryCode;
  private ContactMethod contactMethod;
  private String contactNote;
  private Disclosure disclosure;
  private String nonDisclosureReason;
  private DraftState state;
  private String author;
  private Instant submittedAt;
  // Without accessors of its own: MyBatis fills it directly from the decision rows.
  private List<DraftDecision> decisionList = new ArrayList<>();

  ReplyDraft() {}

  ReplyDraft(
      long proposalId,
      String departmentCode,
      int version,
      int round,
      DraftInput input,
      String author,
      Instant now) {
    this.proposalId = proposalId;
    this.departmentCode = departmentCode;
    this.version = version;
    this.round = round;
    this.replyText = input.replyText();
    this.categoryCode = input.category() == null ? null : input.category().code();
    this.contactMethod = input.contactMethod();
    this.contactNote = input.contactNote();
    this.disclosure = input.disclosure();
    this.nonDisclosureReason =
        input.disclosure() == Disclosure.NOT_PUBLIC ? input.nonDisclosureReason() : null;
    this.state = DraftState.SUBMITTED;
    this.author = author;
    this.submittedAt = now;
  }

  /** The handler takes the draft back before anyone reviewed it. */
  public void withdraw() {
    if (state != DraftState.SUBMITTED) {
      throw new ConflictException("draft.notWithdrawable", version, state);
    }
    state = DraftState.WITHDRAWN;
  }

  /**
   * Applies a decision of a reviewer or a signing leader. A further approval of a stage already
   * approved (a second review or a second leader's sign-off that an admin added to the process)
   * keeps the state; a return from either stage sends the draft back to drafting.
   */
  public void decide(ReviewStage stage, Verdict verdict) {
    DraftState first = stage == ReviewStage.REVIEW ? DraftState.SUBMITTED : DraftState.REVIEWED;
    DraftState further = stage == ReviewStage.REVIEW ? DraftState.REVIEWED : DraftState.SIGNED;
    if (state != first && state != further) {
      throw new ConflictException("draft.notAwaitingDecision", version, state);
    }
    state = verdict == Verdict.RETURN ? DraftState.RETURNED : further;
  }

  /** The decision of a stage on this version, if taken. */
  public Optional<DraftDecision> decision(ReviewStage stage) {
    return decisionList.stream().filter(d -> d.stage() == stage).findFirst();
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

  public int getVersion() {
    return version;
  }

  public int getRound() {
    return round;
  }

  public String getReplyText() {
    return replyText;
  }

  public ReplyCategory getCategory() {
    return ReplyCategory.of(categoryCode);
  }

  public ContactMethod getContactMethod() {
    return contactMethod;
  }

  public String getContactNote() {
    return contactNote;
  }

  public Disclosure getDisclosure() {
    return disclosure;
  }

  public String getNonDisclosureReason() {
    return nonDisclosureReason;
  }

  public DraftState getState() {
    return state;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public List<DraftDecision> getDecisions() {
    return List.copyOf(decisionList);
  }
}
