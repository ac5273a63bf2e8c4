package org.civicflow.engine.task;

import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The inbox query: a person's own tasks and the unclaimed tasks of their groups, joined with the
 * proposals in one statement per page (Camunda's task query cannot join our tables).
 */
@Mapper
interface InboxMapper {

  List<InboxRow> page(
      @Param("user") String user,
      @Param("groups") List<String> groups,
      @Param("f") InboxFilter filter,
      @Param("now") Date now);

  long count(
      @Param("user") String user,
      @Param("groups") List<String> groups,
      @Param("f") InboxFilter filter);

  long countOverdue(
      @Param("user") String user,
      @Param("groups") List<String> groups,
      @Param("f") InboxFilter filter,
      @Param("now") Date now);
}
