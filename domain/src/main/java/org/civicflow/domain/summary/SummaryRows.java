package org.civicflow.domain.summary;

import java.time.Instant;
import java.time.LocalDate;

/** The rows the items of a summary's figures are read from (MyBatis maps columns to fields). */
final class SummaryRows {

  private SummaryRows() {}

  static final class ProposalRow {
    long proposalId;
    String number;
    String type;
  }

  static final class AssignmentRow {
    long proposalId;
    String number;
    String departmentCode;
    String departmentName;
    boolean replied;
  }

  static final class ReplyRow {
    long proposalId;
    long publicationId;
    Long publicId;
    String number;
    String departmentCode;
    String departmentName;
    String category;
    String contactMethod;
  }

  static final class RatingRow {
    long proposalId;
    String number;
    String departmentCode;
    String departmentName;
    String firstRating;
    String finalRating;
  }

  static final class CommitmentRow {
    long proposalId;
    String number;
    String departmentCode;
    String departmentName;
    LocalDate dueDate;
    String state;
    Instant keptAt;
  }
}
