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

  default List<Proposal> search(ProposalCriteria criteria) {
    return search(criteria, List.of());
  }

  default long count(ProposalCriteria criteria) {
    return count(criteria, List.of());
  }

  /**
   * A page of the search; with a text, {@code textIds} are the proposals whose title or content the
   * search index matched (found besides those by number, title, proposer or delegation).
   */
  List<Proposal> search(
      @Param("c") ProposalCriteria criteria, @Param("textIds") List<Long> textIds);

  long count(@Param("c") ProposalCriteria criteria, @Param("textIds") List<Long> textIds);

  int insert(Proposal proposal);

  int insertCoSigner(
      @Param("proposalId") long proposalId,
      @Param("position") int position,
      @Param("name") String name);

  /** Saves status, reason, merge target, key flag and process link if the version still matches. */
  int update(Proposal proposal);
}
