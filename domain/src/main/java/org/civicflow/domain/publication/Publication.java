package org.civicflow.domain.publication;

import java.time.Instant;
import org.civicflow.domain.common.ConflictException;

/**
 * A signed reply: the text the leader signed, the public text derived from it, the SHA-256 of the
 * public text and a seal over text, title and department that the database alone cannot forge.
 */
public class Publication {

  private Long id;
  private long proposalId;
  private String departmentCode;
  private long draftId;
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
  private String signedText;
  private String publicText;
  private String contentSha256;
  private String seal;
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
  private int version;

  Publication() {}

  /** The record made at sign-off: what the public page will show, sealed. */
  public Publication(
      long proposalId,
      String departmentCode,
      long draftId,
      PublicSnapshot shown,
      String signedText,
      String publicText,
      String contentSha256,
      String seal,
      String signedBy,
      Instant signedAt) {
    this.proposalId = proposalId;
    this.departmentCode = departmentCode;
    this.draftId = draftId;
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
    this.contentSha256 = contentSha256;
    this.seal = seal;
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

  /** The registrar confirmed that the reply stays off the public site. */
  /** A further approver returned the signed draft before it was sent. */
  public void voidSignature() {
    if (state != PublicationState.SIGNED || repliedAt != null) {
      throw new ConflictException("publication.notPublishable", id, state);
    }
    state = PublicationState.VOIDED;
  }

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
