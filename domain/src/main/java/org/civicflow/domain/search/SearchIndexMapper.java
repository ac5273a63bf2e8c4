package org.civicflow.domain.search;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the public search index (documents and per-key bitmaps). */
@Mapper
public interface SearchIndexMapper {

  /** A search key with its bitmap (portable RoaringBitmap bytes). */
  record KeyRow(String key, byte[] docs, int cardinality) {}

  /** A document of the index: its sequence number in publication order. */
  final class Doc {
    Long docSeq;
    final long publicationId;

    public Doc(long publicationId) {
      this.publicationId = publicationId;
    }

    public Long getDocSeq() {
      return docSeq;
    }

    public long getPublicationId() {
      return publicationId;
    }
  }

  int insertDoc(Doc doc);

  Optional<Long> findDocSeq(@Param("publicationId") long publicationId);

  /** The sequence numbers of publications (those in the index), in no particular order. */
  List<Long> findDocSeqs(@Param("publicationIds") List<Long> publicationIds);

  /** Publication ids of sequence numbers, in no particular order. */
  List<Doc> findDocs(@Param("docSeqs") List<Long> docSeqs);

  List<KeyRow> findKeys(@Param("keys") List<String> keys);

  /** The keys' rows, locked for update in key order (no deadlocks between publications). */
  List<KeyRow> lockKeys(@Param("keys") List<String> keys);

  int insertKey(
      @Param("key") String key, @Param("docs") byte[] docs, @Param("cardinality") int cardinality);

  int updateKey(
      @Param("key") String key, @Param("docs") byte[] docs, @Param("cardinality") int cardinality);

  /** A published reply not yet merged into the bitmaps: its keys, UTF-8, one per line. */
  record PendingRow(long docSeq, byte[] keys) {}

  int insertPending(@Param("docSeq") long docSeq, @Param("keys") byte[] keys);

  /** Every pending reply (a search reads them beside the bitmaps). */
  List<PendingRow> findPending();

  /** The oldest pending replies, locked for update in order (one merge at a time). */
  List<PendingRow> lockPending(@Param("limit") int limit);

  int deletePending(@Param("docSeqs") List<Long> docSeqs);

  /** The filter keys that have documents (for the list's filter options). */
  List<KeyRow> facetKeys();
}
