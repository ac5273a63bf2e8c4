package org.civicflow.domain.letter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Document-number sequences and issued letters. */
@Mapper
public interface LetterMapper {

  Optional<LetterNumbering> findNumbering(
      @Param("department") String department, @Param("year") int year);

  /** The sequence's row, locked until the transaction ends. */
  Optional<LetterNumbering> lockNumbering(
      @Param("department") String department, @Param("year") int year);

  List<LetterNumbering> numberingsOf(@Param("department") String department);

  int insertNumbering(
      @Param("n") LetterNumbering numbering, @Param("by") String by, @Param("at") Instant at);

  int updateNumbering(
      @Param("n") LetterNumbering numbering, @Param("by") String by, @Param("at") Instant at);

  int advance(
      @Param("department") String department, @Param("year") int year, @Param("taken") int taken);

  int insertLetter(IssuedLetter letter);

  Optional<IssuedLetter> findLetter(@Param("publicationId") long publicationId);

  Optional<IssuedLetter> findByCode(@Param("code") String code);

  /** The letters with this file hash (at most one in practice), without their bytes. */
  List<IssuedLetter> findBySha256(@Param("sha256") String sha256);
}
