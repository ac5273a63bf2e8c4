package org.civicflow.domain.publication;

import java.time.Instant;

/**
 * What a leader signed, as stored at sign-off and covered by the content seal ({@link
 * PublicationSeals}): which proposal, department and draft version, the disclosure decision, the
 * texts, what the public page shows, who signed and when. It does not change after the sign-off;
 * where the reply stands since is its {@link Publication}.
 */
public abstract class SignedContent {

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

  /** For MyBatis. */
  SignedContent() {}

  SignedContent(
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

  /** The content seal, made once the record has its id. */
  void sealed(String seal, String keyId) {
    this.seal = seal;
    this.sealKeyId = keyId;
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
}
