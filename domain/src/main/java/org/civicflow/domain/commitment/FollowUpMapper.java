package org.civicflow.domain.commitment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the reports, supplementary replies and category decisions of commitments. */
@Mapper
public interface FollowUpMapper {

  int insertReport(CommitmentReport report);

  /** The draft version a publication signed. */
  Optional<Long> draftOfPublication(@Param("publicationId") long publicationId);

  Optional<CommitmentReport> latestReport(@Param("commitmentId") long commitmentId);

  int updateReportState(
      @Param("id") long id,
      @Param("expected") ReportState expected,
      @Param("state") ReportState state);

  /** Every report on the commitments of a proposal, oldest first. */
  List<CommitmentReport> reportsOfProposal(@Param("proposalId") long proposalId);

  /** Every report on the commitments of a publication's draft, oldest first. */
  List<CommitmentReport> reportsOfPublication(@Param("publicationId") long publicationId);

  int insertSupplementary(SupplementaryReply reply);

  int updateSupplementarySeal(SupplementaryReply reply);

  /** Marks it sent once; 0 when it was sent before. */
  int markSupplementarySent(@Param("id") long id, @Param("at") Instant at);

  Optional<SupplementaryReply> supplementaryOf(@Param("commitmentId") long commitmentId);

  List<SupplementaryReply> supplementariesOfProposal(@Param("proposalId") long proposalId);

  List<SupplementaryReply> supplementariesOfPublication(@Param("publicationId") long publicationId);

  int insertCategoryDecision(ResultCategoryDecision decision);

  List<ResultCategoryDecision> categoryDecisionsOfProposal(@Param("proposalId") long proposalId);

  List<ResultCategoryDecision> categoryDecisionsOfPublication(
      @Param("publicationId") long publicationId);
}
