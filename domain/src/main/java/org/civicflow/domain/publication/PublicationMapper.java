package org.civicflow.domain.publication;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of signed replies and their publication. */
@Mapper
public interface PublicationMapper {

  /** The record, with the state seal of its latest state change in the audit log. */
  default Optional<Publication> findById(long id) {
    return findByIdWithRecordedState(id, String.valueOf(id));
  }

  Optional<Publication> findByIdWithRecordedState(
      @Param("id") long id, @Param("idText") String idText);

  /** The ids of the keys that made the stored seals. */
  List<String> sealKeyIds();

  /** Seals of one key ({@code null}: seals made before seals named their key). */
  record KeySeals(String keyId, Long seals) {}

  /** Seals per key, content and state seals counted apart (a key may appear twice). */
  List<KeySeals> sealCountsByKey();

  /** Stores the seals of a record inserted at sign-off. */
  int updateSeals(Publication publication);

  List<Publication> findByProposal(@Param("proposalId") long proposalId);

  Optional<Publication> findByDraft(@Param("draftId") long draftId);

  int insert(Publication publication);

  /** Saves state, reply and publication dates and the withdrawal if the version still matches. */
  int update(Publication publication);

  /** Adds views counted in memory since the last flush. */
  int addReads(@Param("id") long id, @Param("reads") long reads);

  /** Published ids after {@code afterId}, for the rolling integrity sweep. */
  List<Long> publishedIdsAfter(@Param("afterId") long afterId, @Param("limit") int limit);
}
