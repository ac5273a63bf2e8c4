package org.civicflow.domain.statistics;

import java.time.LocalDate;

/** The rows of {@link StatisticsMapper}; MyBatis fills the fields. */
final class StatisticsRows {

  private StatisticsRows() {}

  static final class KeyCount {
    String bucket;
    long n;
  }

  static final class DepartmentRow {
    String code;
    String name;
    long assigned;
    long replying;
    long coHandling;
    long openCount;
    long replied;
    long onTime;
    long lateUnreplied;
    long overdue;
  }

  static final class RatingRow {
    String department;
    String workRating;
    String resultRating;
    long n;
  }

  static final class OverdueRow {
    long proposalId;
    String number;
    String title;
    boolean keyItem;
    String departmentCode;
    String departmentName;
    String role;
    LocalDate dueDate;
  }

  static final class KeyProposalRow {
    long proposalId;
    String number;
    String title;
    String status;
  }

  static final class KeyAssignmentRow {
    long proposalId;
    String departmentName;
    String role;
    String stage;
    boolean isOpen;
    boolean isPastDue;
    LocalDate dueDate;
  }

  static final class CommitmentRow {
    long commitmentId;
    long proposalId;
    String number;
    String title;
    String departmentCode;
    String departmentName;
    String text;
    java.time.LocalDate dueDate;
    String state;
    java.time.Instant keptAt;
  }
}
