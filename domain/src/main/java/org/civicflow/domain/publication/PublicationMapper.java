package org.civicflow.domain.publication;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of signed replies and their publication. */
@Mapper
public interface PublicationMapper {

  Optional<Publication> findById(@Param("id") long id);

  List<Publication> findByProposal(@Param("proposalId") long proposalId);

  Optional<Publication> findByDraft(@Param("draftId") long draftId);

  int insert(Publication publication);

  /** Saves state, reply and publication dates and the withdrawal if the version still matches. */
  int update(Publication publication);

  /** Adds views counted in memory since the last flush. */
  int addReads(@Param("id") long id, @Param("reads") long reads);
}
