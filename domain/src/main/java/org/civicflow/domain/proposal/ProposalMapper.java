package org.civicflow.domain.proposal;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of proposals and their co-signers. */
@Mapper
public interface ProposalMapper {

  Optional<Proposal> findById(@Param("id") long id);

  Optional<Proposal> findByNumber(
      @Param("sessionId") long sessionId, @Param("number") String number);

  List<Proposal> search(@Param("c") ProposalCriteria criteria);

  long count(@Param("c") ProposalCriteria criteria);

  int insert(Proposal proposal);

  int insertCoSigner(
      @Param("proposalId") long proposalId,
      @Param("position") int position,
      @Param("name") String name);

  /** Saves status, reason, merge target, key flag and process link if the version still matches. */
  int update(Proposal proposal);
}
