package org.civicflow.domain.commitment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.reply.ReplyCategory;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The result category of a reply as the registrar decides it once its commitments are kept (e.g. B
 * → A): recorded with who decided, beside the signed reply, whose own category stays as signed.
 */
@Service
public class ResultCategories {

  private final FollowUpMapper followUp;
  private final Publications publications;
  private final AuditLog audit;
  private final Clock clock;
  private final ResultCategorySet categorySet;

  ResultCategories(
      FollowUpMapper followUp,
      Publications publications,
      AuditLog audit,
      Clock clock,
      ResultCategorySet categorySet) {
    this.followUp = followUp;
    this.publications = publications;
    this.audit = audit;
    this.clock = clock;
    this.categorySet = categorySet;
  }

  @Transactional
  public ResultCategoryDecision decide(
      long proposalId, String department, ReplyCategory category, String comment, String actor) {
    new FieldErrors()
        .required("category", category)
        .maxLength("comment", comment, CommitmentFollowUp.MAX_COMMENT)
        .throwIfAny();
    categorySet.requireActive("category", category.code());
    Publication p = publications.current(proposalId, department);
    String from = current(p);
    ResultCategoryDecision d =
        new ResultCategoryDecision(
            null,
            p.getId(),
            proposalId,
            department,
            from,
            category.code(),
            comment == null || comment.isBlank() ? null : comment.strip(),
            actor,
            clock.instant().truncatedTo(ChronoUnit.SECONDS));
    followUp.insertCategoryDecision(d);
    audit.record(
        actor,
        "reply.resultCategory",
        "proposal",
        String.valueOf(proposalId),
        department + " " + from + " → " + category);
    return d;
  }

  /** The result category of a signed reply now: the latest decision, else as signed. */
  @Transactional(readOnly = true)
  public String current(Publication p) {
    List<ResultCategoryDecision> decisions = followUp.categoryDecisionsOfPublication(p.getId());
    return decisions.isEmpty() ? p.getCategory() : decisions.get(decisions.size() - 1).toCategory();
  }

  @Transactional(readOnly = true)
  public List<ResultCategoryDecision> ofProposal(long proposalId) {
    return followUp.categoryDecisionsOfProposal(proposalId);
  }

  @Transactional(readOnly = true)
  public List<ResultCategoryDecision> ofPublication(long publicationId) {
    return followUp.categoryDecisionsOfPublication(publicationId);
  }
}
