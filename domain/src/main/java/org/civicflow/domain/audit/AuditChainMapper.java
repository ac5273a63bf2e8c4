package org.civicflow.domain.audit;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The chain: its anchor, the records still to be chained, the chained ones in chain order. Records
 * are given their place in the chain once ({@code link} sets it only where there is none); nothing
 * else of a record is ever changed.
 */
@Mapper
public interface AuditChainMapper {

  /** A record's place and link, as the chainer sets them. */
  record ChainLink(long id, long chainSeq, String link) {}

  /** How many links one key made. */
  record KeyLinks(String keyId, long links) {}

  /** The anchor, locked until the transaction ends: one chainer or purge at a time. */
  AuditChainState lockAnchor();

  AuditChainState readAnchor();

  int updateAnchor(AuditChainState s);

  /** The highest place taken, {@code null} when nothing is chained. */
  Long maxChainSeq();

  /** Whether a record after {@code afterId} is still to be chained (a read without locks). */
  Long firstUnchainedAfter(@Param("afterId") long afterId);

  /** Committed records not yet chained, after {@code afterId}, in id order. */
  List<AuditRow> unchained(@Param("afterId") long afterId, @Param("limit") int limit);

  /**
   * Sets the places and links of records that have none yet, all made with one key; returns how
   * many were set.
   */
  int link(@Param("links") List<ChainLink> links, @Param("keyId") String keyId);

  /** Chained records numbered {@code fromSeq} up to (not including) {@code toSeq}, in order. */
  List<AuditRow> chainRange(@Param("fromSeq") long fromSeq, @Param("toSeq") long toSeq);

  /** Chained records from {@code fromSeq} on, in chain order. */
  List<AuditRow> chainFrom(@Param("fromSeq") long fromSeq, @Param("limit") int limit);

  /** The first chained record before {@code seq}: none should be there. */
  AuditRow firstBefore(@Param("seq") long seq);

  List<String> linkKeyIds();

  /** The keys of the entry seals of records not yet chained. */
  List<String> unchainedEntryKeyIds();

  List<KeyLinks> linksByKey();
}
