package org.civicflow.domain.reply;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of reply drafts, their decisions and the co-handling opinions. */
@Mapper
public interface ReplyDraftMapper {

  /** Every version of every department's drafts on a proposal, with decisions, oldest first. */
  List<ReplyDraft> findByProposal(@Param("proposalId") long proposalId);

  Optional<ReplyDraft> findVersion(
      @Param("proposalId") long proposalId,
      @Param("department") String department,
      @Param("version") int version);

  Optional<ReplyDraft> findLatest(
      @Param("proposalId") long proposalId, @Param("department") String department);

  int maxVersion(@Param("proposalId") long proposalId, @Param("department") String department);

  int insert(ReplyDraft draft);

  /** Moves a draft from {@code expected} to its new state; 0 when someone else moved it first. */
  int updateState(
      @Param("id") long id,
      @Param("expected") DraftState expected,
      @Param("state") DraftState state);

  int insertDecision(DraftDecision decision);

  /**
   * The proposals whose latest draft of the department is in review (the department's assignment is
   * at that stage) and was written or approved by {@code user}.
   */
  List<Long> inReviewTouchedBy(@Param("department") String department, @Param("user") String user);

  int insertOpinion(CoHandlingOpinion opinion);

  List<CoHandlingOpinion> findOpinions(@Param("proposalId") long proposalId);
}
