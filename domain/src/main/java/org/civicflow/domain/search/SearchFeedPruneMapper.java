package org.civicflow.domain.search;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Deletes the change feed's old rows ({@link SearchFeedPruning}). */
@Mapper
public interface SearchFeedPruneMapper {

  /** The last row written before a moment, or {@code null}. */
  @Select("SELECT MAX(seq) FROM cf_search_feed WHERE created_at < #{before}")
  Long lastSeqBefore(@Param("before") Instant before);

  /** The first row still there, or {@code null}. */
  @Select("SELECT MIN(seq) FROM cf_search_feed")
  Long firstSeq();

  /** Deletes the rows up to a number (by the primary key: a short range lock). */
  @Delete("DELETE FROM cf_search_feed WHERE seq <= #{upTo}")
  int deleteUpTo(@Param("upTo") long upTo);
}
