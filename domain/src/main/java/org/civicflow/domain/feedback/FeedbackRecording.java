package org.civicflow.domain.feedback;

import java.time.Clock;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The proposer's ratings (满意度测评), one per department and round. */
@Service
public class FeedbackRecording {

  static final int MAX_COMMENT = 4000;

  private final FeedbackMapper feedback;
  private final AuditLog audit;
  private final Clock clock;

  FeedbackRecording(FeedbackMapper feedback, AuditLog audit, Clock clock) {
    this.feedback = feedback;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks a rating without saving it. */
  public static void validate(Rating work, Rating result, String comment) {
    FieldErrors errors =
        new FieldErrors()
            .required("workRating", work)
            .required("resultRating", result)
            .maxLength("comment", comment, MAX_COMMENT);
    if (result == Rating.UNSATISFIED) {
      errors.required("comment", comment);
    }
    errors.throwIfAny();
  }

  /** Records the proposer's rating of one department's reply. */
  @Transactional
  public Feedback give(
      long proposalId,
      String department,
      int round,
      Rating work,
      Rating result,
      String comment,
      String actor) {
    validate(work, result, comment);
    Feedback f =
        new Feedback(
            null,
            proposalId,
            department,
            round,
            work,
            result,
            comment == null || comment.isBlank() ? null : comment.strip(),
            actor,
            clock.instant());
    insert(f);
    audit.record(
        actor,
        "feedback.give",
        "proposal",
        String.valueOf(proposalId),
        department + " round " + round + " " + work + "/" + result);
    return f;
  }

  /** The month passed without an answer: no answer counts as none. Idempotent. */
  @Transactional
  public void recordNone(long proposalId, String department, int round) {
    boolean exists =
        feedback.findByProposal(proposalId).stream()
            .anyMatch(f -> f.departmentCode().equals(department) && f.round() == round);
    if (!exists) {
      insert(
          new Feedback(
              null, proposalId, department, round, null, null, null, null, clock.instant()));
      audit.record(
          "system",
          "feedback.none",
          "proposal",
          String.valueOf(proposalId),
          department + " round " + round);
    }
  }

  @Transactional(readOnly = true)
  public List<Feedback> of(long proposalId) {
    return feedback.findByProposal(proposalId);
  }

  private void insert(Feedback f) {
    try {
      feedback.insert(f);
    } catch (DuplicateKeyException twice) {
      throw new ConflictException("feedback.duplicate", f.departmentCode(), f.round());
    }
  }
}
