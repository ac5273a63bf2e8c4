package org.civicflow.domain.feedback;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of feedback. */
@Mapper
interface FeedbackMapper {

  int insert(Feedback feedback);

  List<Feedback> findByProposal(@Param("proposalId") long proposalId);
}
