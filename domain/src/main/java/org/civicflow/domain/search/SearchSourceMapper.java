package org.civicflow.domain.search;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** What the per-node search index is made from: the change feed, replies and proposals. */
@Mapper
public interface SearchSourceMapper {

  /** One change: a proposal ({@code kind} "proposal") or a signed reply ("reply") to re-read. */
  record FeedRow(long seq, String kind, long refId) {}

  /** A signed reply as the index holds it (the texts are the public, redacted ones). */
  record ReplyRow(
      long id,
      long proposalId,
      String departmentCode,
      String departmentName,
      String state,
      String title,
      String publicText,
      String suggestionText,
      String sessionName,
      String proposalNumber,
      String category,
      Integer publishedYear,
      Instant publishedAt,
      Instant signedAt) {}

  /** A proposal as the index holds it. */
  record ProposalRow(
      long id,
      long sessionId,
      String sessionName,
      String number,
      String title,
      String content,
      String status,
      Instant registeredAt) {}

  /** How a proposal was answered: a signed reply and the latest rating of its department. */
  record AnswerRow(
      long proposalId,
      long publicationId,
      String departmentCode,
      String departmentName,
      String category,
      String state,
      String rating) {}

  int insertFeed(@Param("kind") String kind, @Param("refId") long refId, @Param("at") Instant at);

  Long maxFeedSeq();

  /** Feed rows after {@code after} and those of {@code missing} (gaps not yet committed). */
  List<FeedRow> feedAfter(
      @Param("after") long after, @Param("missing") List<Long> missing, @Param("limit") int limit);

  /** Signed replies (not voided) after an id, in id order: the rebuild reads them in batches. */
  List<ReplyRow> repliesAfter(@Param("afterId") long afterId, @Param("limit") int limit);

  List<ReplyRow> replies(@Param("ids") List<Long> ids);

  List<ProposalRow> proposalsAfter(@Param("afterId") long afterId, @Param("limit") int limit);

  List<ProposalRow> proposals(@Param("ids") List<Long> ids);

  /** The signed replies of proposals, with the latest result rating of each department. */
  List<AnswerRow> answers(@Param("proposalIds") List<Long> proposalIds);

  /** The signed replies (not voided) of these ids: id → department and state. */
  List<AnswerRow> answersByPublication(@Param("ids") List<Long> publicationIds);

  int insertDraftSource(@Param("draftId") long draftId, @Param("publicationId") long publicationId);

  /** The earlier replies a draft drew from, with their proposal and department. */
  List<AnswerRow> draftSources(@Param("draftId") long draftId);
}
