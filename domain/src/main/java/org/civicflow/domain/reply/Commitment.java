package org.civicflow.domain.reply;

import java.time.Instant;
import java.time.LocalDate;

/** A commitment written in one draft version; those of the signed version are the reply's. */
public class Commitment {

  private Long id;
  private long draftId;
  private long proposalId;
  private String departmentCode;
  private int seq;
  private String text;
  private LocalDate dueDate;
  private String measure;
  private CommitmentState state;
  private Instant keptAt;

  Commitment() {}

  Commitment(ReplyDraft draft, int seq, CommitmentInput input) {
    this.draftId = draft.getId();
    this.proposalId = draft.getProposalId();
    this.departmentCode = draft.getDepartmentCode();
    this.seq = seq;
    this.text = input.text();
    this.dueDate = input.dueDate();
    this.measure = input.measure();
    this.state = CommitmentState.OPEN;
  }

  public Long getId() {
    return id;
  }

  public long getDraftId() {
    return draftId;
  }

  public long getProposalId() {
    return proposalId;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public int getSeq() {
    return seq;
  }

  public String getText() {
    return text;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public String getMeasure() {
    return measure;
  }

  public CommitmentState getState() {
    return state;
  }

  public Instant getKeptAt() {
    return keptAt;
  }

  /** One line per commitment, as the diff compares them: what, by when, how one will know. */
  public String asLine() {
    return text + " ｜ " + dueDate + " ｜ " + measure;
  }
}
