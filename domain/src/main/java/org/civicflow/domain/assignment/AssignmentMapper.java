package org.civicflow.domain.assignment;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of assignments. */
@Mapper
public interface AssignmentMapper {

  Optional<Assignment> findById(@Param("id") long id);

  /** All assignments of a proposal, oldest first (re-assigned ones included). */
  List<Assignment> findByProposal(@Param("proposalId") long proposalId);

  int insert(Assignment assignment);

  /** Saves the changed assignment if the version still matches. */
  int update(Assignment assignment);
}
