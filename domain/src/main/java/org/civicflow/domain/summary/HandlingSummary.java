package org.civicflow.domain.summary;

import java.time.Instant;

/**
 * A session's handling summary (办理工作总体情况): the figures as JSON, frozen when generated, with their
 * SHA-256; once published, who published it and when, and the seal over all of it.
 */
public class HandlingSummary {

  private Long id;
  private long sessionId;
  private String sessionName;
  private SummaryState state;
  private String figures;
  private String figuresSha256;
  private String generatedBy;
  private Instant generatedAt;
  private String publishedBy;
  private Instant publishedAt;
  private String seal;
  private String sealKeyId;

  HandlingSummary() {}

  HandlingSummary(
      long sessionId,
      String sessionName,
      String figures,
      String figuresSha256,
      String generatedBy,
      Instant generatedAt) {
    this.sessionId = sessionId;
    this.sessionName = sessionName;
    this.state = SummaryState.DRAFT;
    this.figures = figures;
    this.figuresSha256 = figuresSha256;
    this.generatedBy = generatedBy;
    this.generatedAt = generatedAt;
  }

  void published(String by, Instant at) {
    this.state = SummaryState.PUBLISHED;
    this.publishedBy = by;
    this.publishedAt = at;
  }

  void sealed(String seal, String keyId) {
    this.seal = seal;
    this.sealKeyId = keyId;
  }

  public boolean isPublished() {
    return state == SummaryState.PUBLISHED;
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

  public SummaryState getState() {
    return state;
  }

  /** The figures as generated (JSON). */
  public String getFigures() {
    return figures;
  }

  public String getFiguresSha256() {
    return figuresSha256;
  }

  public String getGeneratedBy() {
    return generatedBy;
  }

  public Instant getGeneratedAt() {
    return generatedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getSeal() {
    return seal;
  }

  public String getSealKeyId() {
    return sealKeyId;
  }
}
