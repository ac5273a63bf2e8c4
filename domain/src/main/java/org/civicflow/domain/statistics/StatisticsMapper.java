package org.civicflow.domain.statistics;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Aggregate queries over one session's proposals, assignments, replies and ratings. */
@Mapper
interface StatisticsMapper {

  List<StatisticsRows.KeyCount> countByStatus(@Param("sessionId") long sessionId);

  List<StatisticsRows.KeyCount> countByCategory(@Param("sessionId") long sessionId);

  List<StatisticsRows.KeyCount> countByDelegation(@Param("sessionId") long sessionId);

  /** The latest sent reply of each replying department, per reply category. */
  List<StatisticsRows.KeyCount> countByReplyCategory(@Param("sessionId") long sessionId);

  List<StatisticsRows.DepartmentRow> departments(
      @Param("sessionId") long sessionId, @Param("today") LocalDate today);

  /** The rating of each department's latest round, counted per department and pair of ratings. */
  List<StatisticsRows.OverdueRow> openOfDepartment(
      @Param("sessionId") long sessionId, @Param("department") String department);

  List<StatisticsRows.RatingRow> ratings(@Param("sessionId") long sessionId);

  List<StatisticsRows.OverdueRow> overdue(
      @Param("sessionId") long sessionId, @Param("today") LocalDate today);

  List<StatisticsRows.KeyProposalRow> keyProposals(@Param("sessionId") long sessionId);

  List<StatisticsRows.KeyAssignmentRow> keyAssignments(
      @Param("sessionId") long sessionId, @Param("today") LocalDate today);

  /** The commitments of the sent, not voided replies of the session, by due date. */
  List<StatisticsRows.CommitmentRow> commitments(@Param("sessionId") long sessionId);
}
