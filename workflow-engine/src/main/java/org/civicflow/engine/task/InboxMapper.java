package org.civicflow.engine.task;

import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The inbox query: a person's own tasks and the unclaimed tasks of their groups, joined with the
 * proposals (Camunda's task query cannot join our tables), less the steps the separation of duties
 * keeps from them ({@code sod}, {@code null} for none). See {@link Inbox} for how the statements
 * are combined.
 */
@Mapper
interface InboxMapper {

  /** How many tasks match, how many of them are overdue and how many have no due date. */
  record Totals(long total, long overdue, long undated) {}

  Totals totals(
      @Param("user") String user,
      @Param("groups") List<String> groups,
      @Param("f") InboxFilter filter,
      @Param("now") Date now,
      @Param("sod") InboxExclusion exclusion);

  /** The page, by sorting all matching tasks. */
  List<InboxRow> page(
      @Param("user") String user,
      @Param("groups") List<String> groups,
      @Param("f") InboxFilter filter,
      @Param("now") Date now,
      @Param("sod") InboxExclusion exclusion);

  /**
   * Rows of the dated (due date set) or undated matching tasks in inbox order, read in index order
   * until {@code offset + limit} are found.
   */
  List<InboxRow> ordered(
      @Param("user") String user,
      @Param("groups") List<String> groups,
      @Param("f") InboxFilter filter,
      @Param("dated") boolean dated,
      @Param("offset") long offset,
      @Param("limit") int limit,
      @Param("sod") InboxExclusion exclusion);

  /**
   * All matching tasks of the filter's proposal, in inbox order ({@code businessKey} is the
   * proposal's id as the processes carry it).
   */
  List<InboxRow> ofProposal(
      @Param("user") String user,
      @Param("groups") List<String> groups,
      @Param("f") InboxFilter filter,
      @Param("businessKey") String businessKey,
      @Param("sod") InboxExclusion exclusion);
}
