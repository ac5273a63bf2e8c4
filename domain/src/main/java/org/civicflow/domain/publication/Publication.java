package org.civicflow.domain.publication;

import java.time.Instant;
import org.civicflow.domain.common.ConflictException;

/**
 * A signed reply: what the leader signed ({@link SignedContent}: the text, the public text derived
 * from it and its SHA-256, what the public page shows) and where it stands (published, withdrawn,
 * …) with who made the last change — each under a seal the database alone cannot forge ({@link
 * PublicationSeals}).
 */
public class Publication extends SignedContent {

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
    super(
        proposalId,
        departmentCode,
        draftId,
        draftVersion,
        disclosure,
        nonDisclosureReason,
        shown,
        signedText,
        publicText,
        signedBy,
        signedAt);
    this.state = PublicationState.SIGNED;
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
      throw new ConflictException("publication.notPublishable", getId(), state);
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
    return "PUBLIC".equals(getDisclosure()) || disclosureReleasedBy != null;
  }

  /** The registrar decided that a reply proposed as not public is published after all. */
  public void releaseForPublication(String registrar) {
    if (state != PublicationState.SIGNED) {
      throw new ConflictException("publication.notPublishable", getId(), state);
    }
    disclosureReleasedBy = registrar;
  }

  /** A further approver returned the signed draft before it was sent. */
  public void voidSignature() {
    if (state != PublicationState.SIGNED || repliedAt != null) {
      throw new ConflictException("publication.notPublishable", getId(), state);
    }
    state = PublicationState.VOIDED;
  }

  /** The registrar confirmed that the reply stays off the public site. */
  public void keepNotPublic() {
    if (state != PublicationState.SIGNED) {
      throw new ConflictException("publication.notPublishable", getId(), state);
    }
    state = PublicationState.NOT_PUBLIC;
  }

  /** The registrar takes a published reply off the site, with a reason. */
  public void withdraw(String by, String reason, Instant now) {
    if (state != PublicationState.PUBLISHED) {
      throw new ConflictException("publication.notPublished", getId(), state);
    }
    state = PublicationState.WITHDRAWN;
    withdrawnBy = by;
    withdrawalReason = reason;
    withdrawnAt = now;
  }

  void versionSaved() {
    version++;
  }

  /** The state as last changed, by whom and when, and its seal. */
  void stateSealed(String changedBy, Instant changedAt, String stateSeal, String keyId) {
    this.stateChangedBy = changedBy;
    this.stateChangedAt = changedAt;
    this.stateSeal = stateSeal;
    this.stateSealKeyId = keyId;
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

  public Integer getPublishedYear() {
    return publishedYear;
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
