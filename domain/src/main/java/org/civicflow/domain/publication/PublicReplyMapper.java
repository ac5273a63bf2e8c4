package org.civicflow.domain.publication;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The public site's queries over published replies. Full-text search uses MySQL/MariaDB FULLTEXT
 * indexes over bigram keys where available, and LIKE elsewhere (the embedded demo).
 */
@Mapper
public interface PublicReplyMapper {

  /** Ids of one page of published replies, best match (or newest) first. */
  List<Long> search(@Param("q") PublicQuery query);

  long count(@Param("q") PublicQuery query);

  List<Integer> years();

  List<String> sessions();

  List<String> departments();

  /** Published ids after {@code afterId}, for the rolling integrity sweep. */
  List<Long> publishedIdsAfter(@Param("afterId") long afterId, @Param("limit") int limit);
}
