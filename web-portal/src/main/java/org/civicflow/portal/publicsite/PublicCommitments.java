package org.civicflow.portal.publicsite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.publication.VerifiedReply;
import org.civicflow.domain.reply.ReplyCommitments;
import org.springframework.stereotype.Component;

/** The public part of a published reply's commitments: what, by when, how, and their state. */
@Component
class PublicCommitments {

  private final ReplyCommitments commitments;

  PublicCommitments(ReplyCommitments commitments) {
    this.commitments = commitments;
  }

  /** A commitment as the public reads it (no names of staff). */
  record Shown(
      long id,
      String text,
      LocalDate dueDate,
      String measure,
      String department,
      String state,
      List<Report> reports) {}

  /** An approved report on a commitment. */
  record Report(Instant at, String kind, String text) {}

  List<Shown> of(VerifiedReply reply) {
    return commitments.ofPublication(reply.id()).stream()
        .map(
            c ->
                new Shown(
                    c.getId(),
                    c.getText(),
                    c.getDueDate(),
                    c.getMeasure(),
                    reply.shown().departmentName(),
                    c.getState().name(),
                    List.<Report>of()))
        .toList();
  }
}
