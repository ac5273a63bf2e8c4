package org.civicflow.domain.summary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of handling summaries, and the rows their figures' items are read from. */
@Mapper
public interface SummaryMapper {

  int insert(HandlingSummary summary);

  /** Replaces the figures of a draft; 0 when it is no longer a draft. */
  int replaceDraft(
      @Param("id") long id,
      @Param("figures") String figures,
      @Param("figuresSha256") String figuresSha256,
      @Param("generatedBy") String generatedBy,
      @Param("generatedAt") Instant generatedAt);

  /** Marks a draft published and stores its seal; 0 when it is no longer a draft. */
  int publish(HandlingSummary summary);

  Optional<HandlingSummary> findById(@Param("id") long id);

  /** The session's draft, locked for the change. */
  Optional<HandlingSummary> draftOf(@Param("sessionId") long sessionId);

  /** Every summary, newest first, without the figures. */
  List<HandlingSummary> all();

  /** The published summaries (of one session when {@code sessionId} is given), newest first. */
  List<HandlingSummary> published(@Param("sessionId") Long sessionId);

  List<String> sealKeyIds();

  List<KeySeals> sealCountsByKey();

  /** How many seals one key made. */
  record KeySeals(String keyId, long seals) {}

  /** Every proposal of the session. */
  List<SummaryRows.ProposalRow> proposals(@Param("sessionId") long sessionId);

  /** The replying assignments (lead or separate) of the session that count. */
  List<SummaryRows.AssignmentRow> replyingAssignments(@Param("sessionId") long sessionId);

  /** The latest sent, not voided reply of each replying department. */
  List<SummaryRows.ReplyRow> replies(@Param("sessionId") long sessionId);

  /** The first and the final rating of the result of each department's reply. */
  List<SummaryRows.RatingRow> ratings(@Param("sessionId") long sessionId);

  /** The commitments of the session's sent, not voided replies. */
  List<SummaryRows.CommitmentRow> commitments(@Param("sessionId") long sessionId);
}
