package org.civicflow.domain.commitment;

import java.time.Instant;

/** A fulfilment signed by the department's leader (补充答复), published under the original reply. */
public class SupplementaryReply {

  private Long id;
  private long commitmentId;
  private long reportId;
  private long publicationId;
  private long proposalId;
  private String departmentCode;
  private String publicText;
  private String contentSha256;
  private String seal;
  private String sealKeyId;
  private String signedBy;
  private Instant signedAt;
  private Instant sentAt;

  SupplementaryReply() {}

  SupplementaryReply(
      long commitmentId,
      long reportId,
      long publicationId,
      long proposalId,
      String departmentCode,
      String publicText,
      String contentSha256,
      String signedBy,
      Instant signedAt) {
    this.commitmentId = commitmentId;
    this.reportId = reportId;
    this.publicationId = publicationId;
    this.proposalId = proposalId;
    this.departmentCode = departmentCode;
    this.publicText = publicText;
    this.contentSha256 = contentSha256;
    this.signedBy = signedBy;
    this.signedAt = signedAt;
  }

  void sealed(String seal, String keyId) {
    this.seal = seal;
    this.sealKeyId = keyId;
  }

  public Long getId() {
    return id;
  }

  public long getCommitmentId() {
    return commitmentId;
  }

  public long getReportId() {
    return reportId;
  }

  public long getPublicationId() {
    return publicationId;
  }

  public long getProposalId() {
    return proposalId;
  }

  public String getDepartmentCode() {
    return departmentCode;
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

  public String getSealKeyId() {
    return sealKeyId;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
