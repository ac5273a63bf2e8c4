package org.civicflow.portal.publicsite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.commitment.CommitmentReport;
import org.civicflow.domain.commitment.ResultCategories;
import org.civicflow.domain.commitment.ResultCategoryDecision;
import org.civicflow.domain.commitment.SupplementaryReply;
import org.civicflow.domain.publication.VerifiedReply;
import org.springframework.stereotype.Component;

/**
 * The public part of a published reply's commitments: what, by when, how, their state, the approved
 * reports and the supplementary replies (checked against their seals), and the result category as
 * the registrar decided it after they were kept.
 */
@Component
class PublicCommitments {

  private final CommitmentFollowUp followUp;
  private final ResultCategories categories;

  PublicCommitments(CommitmentFollowUp followUp, ResultCategories categories) {
    this.followUp = followUp;
    this.categories = categories;
  }

  /** A commitment as the public reads it (no names of staff). */
  record Shown(
      long id,
      String text,
      LocalDate dueDate,
      String measure,
      String department,
      String state,
      List<Report> reports,
      Supplementary supplementaryReply) {}

  /** An approved report on a commitment. */
  record Report(Instant at, String kind, String text) {}

  /** A supplementary reply published under the original; {@code contentSha256} of its text. */
  record Supplementary(long id, String text, String contentSha256, Instant repliedAt) {}

  /**
   * What this node read of a reply's commitments within the last seconds: the cached reply page
   * compares it with what the page showed, without a query per anonymous reader.
   */
  private final com.github.benmanes.caffeine.cache.Cache<Long, List<Shown>> recent =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .maximumSize(2_000)
          .expireAfterWrite(java.time.Duration.ofSeconds(RECENT_SECONDS))
          .build();

  static final int RECENT_SECONDS = 20;

  List<Shown> recent(VerifiedReply reply) {
    return recent.get(reply.id(), id -> read(reply));
  }

  /** The commitments as they are now. */
  List<Shown> of(VerifiedReply reply) {
    List<Shown> now = read(reply);
    recent.put(reply.id(), now);
    return now;
  }

  private List<Shown> read(VerifiedReply reply) {
    Map<Long, List<CommitmentReport>> reports =
        followUp.approvedReportsOfPublication(reply.id()).stream()
            .collect(Collectors.groupingBy(CommitmentReport::commitmentId));
    Map<Long, SupplementaryReply> supplementary =
        followUp.publishedSupplementaries(reply.id()).stream()
            .collect(Collectors.toMap(SupplementaryReply::getCommitmentId, s -> s));
    return followUp.ofPublication(reply.id()).stream()
        .map(
            c -> {
              SupplementaryReply s = supplementary.get(c.getId());
              return new Shown(
                  c.getId(),
                  c.getText(),
                  c.getDueDate(),
                  c.getMeasure(),
                  reply.shown().departmentName(),
                  c.getState().name(),
                  reports.getOrDefault(c.getId(), List.of()).stream()
                      .map(r -> new Report(r.reportedAt(), r.kind().name(), r.text()))
                      .toList(),
                  s == null
                      ? null
                      : new Supplementary(
                          s.getId(), s.getPublicText(), s.getContentSha256(), s.getSentAt()));
            })
        .toList();
  }

  /** The registrar's decision on the result category, if any (the latest). */
  ResultCategoryDecision decision(VerifiedReply reply) {
    List<ResultCategoryDecision> all = categories.ofPublication(reply.id());
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }
}
