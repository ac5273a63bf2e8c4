package org.civicflow.domain.commitment;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the pre-session check: the open commitments and their reports before it. */
@Mapper
interface PreSessionMapper {

  /**
   * Every open or overdue commitment of a sent reply, by department, with its latest report before
   * the session given at or after {@code since}.
   */
  List<OpenCommitment> openCommitments(@Param("since") Instant since);
}
