package org.civicflow.domain.reply;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the commitments of reply drafts. */
@Mapper
public interface CommitmentMapper {

  int insert(Commitment commitment);

  /** Every commitment of every draft of a proposal, by draft and order. */
  List<Commitment> findByProposal(@Param("proposalId") long proposalId);

  List<Commitment> findByDraft(@Param("draftId") long draftId);

  java.util.Optional<Commitment> findById(@Param("id") long id);

  /**
   * Moves a commitment from one of {@code expected} to {@code state} (with the time it was kept, if
   * so); 0 when it was not in one of them.
   */
  int updateState(
      @Param("id") long id,
      @Param("expected") List<CommitmentState> expected,
      @Param("state") CommitmentState state,
      @Param("keptAt") java.time.Instant keptAt);

  /** The commitments of the draft a publication signed. */
  List<Commitment> findByPublication(@Param("publicationId") long publicationId);
}
