package org.civicflow.domain.search;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Queries over published replies that the search index does not answer. */
@Mapper
public interface PublicReplyMapper {

  /** Of the given publications, those whose title, reply or suggestion contains every pattern. */
  List<Long> containingAll(
      @Param("ids") List<Long> ids, @Param("patterns") List<String> likePatterns);
}
