package org.civicflow.domain.publication;

import java.time.Instant;
import org.civicflow.domain.common.ConflictException;

/**
 * A signed reply: the text the leader signed, the public text derived from it, the SHA-256 of the
 * public text, and two seals the database alone cannot forge ({@link PublicationSeals}): one over
 * what was signed — which proposal, department and draft version, the disclosure decision, the
 * texts and what the public page shows — and one over where it stands (published, withdrawn, …)
 * with who made the last change.
 */
public class Publication {

  private Long id;
  private long proposalId;
  private String departmentCode;
  private long draftId;
  private Integer draftVersion;
  private String disclosure;
  private String nonDisclosureReason;
  private String title;
  private String departmentName;
  private String sessionName;
  private String proposalNumber;
  private String proposalType;
  private String proposer;
  private String delegation;
  private Instant submittedAt;
  private String suggestionText;
  private String category;
  private String categorySet;
  private String signedText;
  private String publicText;
  private String contentSha256;
  private String seal;
  private String sealKeyId;
  private String signedBy;
  private Instant signedAt;
  private PublicationState state;
  private Instant repliedAt;
  private Instant publishedAt;
  private Integer publishedYear;
  private long readCount;
  private Instant withdrawnAt;
  private String withdrawnBy;
  private String withdrawalReason;
  private String disclosureReleasedBy;
  private String stateChangedBy;
  private Instant stateChangedAt;
  private String stateSeal;
  private String stateSealKeyId;
  private int version;
  // read, never written: the latest state change recorded in the audit log ("state=… seal=…")
  private String recordedState;

  Publication() {}

  /**
   * The record made at sign-off: what the public page will show. It is sealed once stored, when it
   * has its id ({@link PublicationSeals#sealSigned}).
   *
   * @param disclosure the signed disclosure decision, {@code PUBLIC} or {@code NOT_PUBLIC}
   */
  public Publication(
      long proposalId,
      String departmentCode,
      long draftId,
      int draftVersion,
      String disclosure,
      String nonDisclosureReason,
      PublicSnapshot shown,
      String signedText,
      String publicText,
      String signedBy,
      Instant signedAt) {
    this.proposalId = proposalId;
    this.departmentCode = departmentCode;
    this.draftId = draftId;
    this.draftVersion = draftVersion;
    this.disclosure = disclosure;
    this.nonDisclosureReason = nonDisclosureReason;
    this.title = shown.title();
    this.departmentName = shown.departmentName();
    this.sessionName = shown.sessionName();
    this.proposalNumber = shown.proposalNumber();
    this.proposalType = shown.proposalType();
    this.proposer = shown.proposer();
    this.delegation = shown.delegation();
    this.submittedAt = shown.submittedAt();
    this.suggestionText = shown.suggestionText();
    this.category = shown.category();
    this.signedText = signedText;
    this.publicText = publicText;
    this.contentSha256 = Seal.sha256(publicText);
    // sealed once it has an id; the column must not be empty in the meantime
    this.seal = "";
    this.signedBy = signedBy;
    this.signedAt = signedAt;
    this.state = PublicationState.SIGNED;
  }

  /** What the public page shows besides the reply text, as sealed. */
  public PublicSnapshot snapshot() {
    return new PublicSnapshot(
        title,
        departmentName,
        sessionName,
        proposalNumber,
        proposalType,
        proposer,
        delegation,
        submittedAt,
        suggestionText,
        category);
  }

  /** The reply was sent to the proposer. */
  public void markReplied(Instant now) {
    if (repliedAt == null) {
      repliedAt = now;
    }
  }

  /**
   * Puts the reply on the public site. Publishing twice is a no-op, so a retried job cannot publish
   * again.
   *
   * @return whether this call published it
   */
  public boolean publish(Instant now, java.time.ZoneId zone) {
    if (state == PublicationState.PUBLISHED) {
      return false;
    }
    if (state != PublicationState.SIGNED && state != PublicationState.NOT_PUBLIC) {
      throw new ConflictException("publication.notPublishable", id, state);
    }
    state = PublicationState.PUBLISHED;
    publishedAt = now;
    publishedYear = now.atZone(zone).getYear();
    return true;
  }

  /**
   * Whether the signed decision allows publishing: the reply was signed as public, or the registrar
   * decided to publish a reply proposed as not public.
   */
  public boolean disclosureAllowsPublishing() {
    return "PUBLIC".equals(disclosure) || disclosureReleasedBy != null;
  }

  /** The registrar decided that a reply proposed as not public is published after all. */
  public void releaseForPublication(String registrar) {
    if (state != PublicationState.SIGNED) {
      throw new ConflictException("publication.notPublishable", id, state);
    }
    disclosureReleasedBy = registrar;
  }

  /** A further approver returned the signed draft before it was sent. */
  public void voidSignature() {
    if (state != PublicationState.SIGNED || repliedAt != null) {
      throw new ConflictException("publication.notPublishable", id, state);
    }
    state = PublicationState.VOIDED;
  }

  /** The registrar confirmed that the reply stays off the public site. */
  public void keepNotPublic() {
    if (state != PublicationState.SIGNED) {
      throw new ConflictException("publication.notPublishable", id, state);
    }
    state = PublicationState.NOT_PUBLIC;
  }

  /** The registrar takes a published reply off the site, with a reason. */
  public void withdraw(String by, String reason, Instant now) {
    if (state != PublicationState.PUBLISHED) {
      throw new ConflictException("publication.notPublished", id, state);
    }
    state = PublicationState.WITHDRAWN;
    withdrawnBy = by;
    withdrawalReason = reason;
    withdrawnAt = now;
  }

  void versionSaved() {
    version++;
  }

  /** The content seal, made once the record has its id. */
  void sealed(String seal, String keyId) {
    this.seal = seal;
    this.sealKeyId = keyId;
  }

  /** The state as last changed, by whom and when, and its seal. */
  void stateSealed(String changedBy, Instant changedAt, String stateSeal, String keyId) {
    this.stateChangedBy = changedBy;
    this.stateChangedAt = changedAt;
    this.stateSeal = stateSeal;
    this.stateSealKeyId = keyId;
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

  public long getDraftId() {
    return draftId;
  }

  public Integer getDraftVersion() {
    return draftVersion;
  }

  public String getDisclosure() {
    return disclosure;
  }

  public String getNonDisclosureReason() {
    return nonDisclosureReason;
  }

  public String getSealKeyId() {
    return sealKeyId;
  }

  public String getDisclosureReleasedBy() {
    return disclosureReleasedBy;
  }

  public String getStateChangedBy() {
    return stateChangedBy;
  }

  public Instant getStateChangedAt() {
    return stateChangedAt;
  }

  public String getStateSeal() {
    return stateSeal;
  }

  public String getStateSealKeyId() {
    return stateSealKeyId;
  }

  /** The state seal of the latest state change in the audit log, when it was read with the row. */
  String getRecordedStateSeal() {
    if (recordedState == null) {
      return null;
    }
    int at = recordedState.lastIndexOf("seal=");
    return at < 0 ? "" : recordedState.substring(at + 5).strip();
  }

  public String getTitle() {
    return title;
  }

  public String getDepartmentName() {
    return departmentName;
  }

  public String getSessionName() {
    return sessionName;
  }

  public String getProposalNumber() {
    return proposalNumber;
  }

  public String getProposalType() {
    return proposalType;
  }

  public String getProposer() {
    return proposer;
  }

  public String getDelegation() {
    return delegation;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getSuggestionText() {
    return suggestionText;
  }

  public String getCategory() {
    return category;
  }

  /** The result-category set in use when this was signed ({@code null}: signed before V22). */
  public String getCategorySet() {
    return categorySet;
  }

  /** Records the result-category set in use at the signing, before the record is inserted. */
  void signedUnderCategorySet(String set) {
    this.categorySet = set;
  }

  public Integer getPublishedYear() {
    return publishedYear;
  }

  public String getSignedText() {
    return signedText;
  }

  public String getPublicText() {
    return publicText;
  }

  public String getContentSha256() {
    return contentSha256;
  }

  public String getSeal() {
    return seal;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public PublicationState getState() {
    return state;
  }

  public Instant getRepliedAt() {
    return repliedAt;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public long getReadCount() {
    return readCount;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public String getWithdrawnBy() {
    return withdrawnBy;
  }

  public String getWithdrawalReason() {
    return withdrawalReason;
  }

  public int getVersion() {
    return version;
  }
}
