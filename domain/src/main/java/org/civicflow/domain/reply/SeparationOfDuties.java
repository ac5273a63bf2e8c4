package org.civicflow.domain.reply;

import java.util.List;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.setting.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Separation of duties on reply drafts (四眼原则): the author of a draft version can neither review nor
 * sign it off, its reviewer cannot sign it off, and nobody approves one version twice — which also
 * holds for further approval steps an administrator adds with the same forms. It matters to one
 * account holding several roles in a department, and to a second approval of the same stage.
 *
 * <p>On unless an administrator switches it off for the deployment ({@link Settings}, for small
 * offices where one person must do several steps); the switch is read from the database on each
 * decision, so it holds on every node at once.
 */
@Service
public class SeparationOfDuties {

  private final Settings settings;
  private final ReplyDraftMapper drafts;
  private final AuditLog audit;

  SeparationOfDuties(Settings settings, ReplyDraftMapper drafts, AuditLog audit) {
    this.settings = settings;
    this.drafts = drafts;
    this.audit = audit;
  }

  /** Whether the rule is enforced in this deployment. */
  @Transactional(readOnly = true)
  public boolean enabled() {
    return settings.flag(Settings.SEPARATION_OF_DUTIES, true);
  }

  /** Switches the rule on or off; the change is in the audit log. */
  @Transactional
  public void enable(boolean on, String actor) {
    settings.setFlag(Settings.SEPARATION_OF_DUTIES, on, true, actor);
  }

  /**
   * The rule a decision by {@code actor} on this version at {@code stage} would break, as its
   * message key; empty when the decision is allowed (whether the rule is on or not).
   */
  static Optional<String> brokenBy(ReplyDraft draft, ReviewStage stage, String actor) {
    if (actor.equals(draft.getAuthor())) {
      return Optional.of("sod.author");
    }
    for (DraftDecision earlier : draft.getDecisions()) {
      if (earlier.verdict() == Verdict.APPROVE && actor.equals(earlier.decidedBy())) {
        boolean reviewedIt = earlier.stage() == ReviewStage.REVIEW && stage == ReviewStage.SIGN_OFF;
        return Optional.of(reviewedIt ? "sod.reviewer" : "sod.twice");
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a decision that breaks the rule (while it is on), recording the refusal.
   *
   * @throws SeparationOfDutiesException the actor wrote or already approved this version
   */
  void check(ReplyDraft draft, ReviewStage stage, String actor) {
    Optional<String> rule = brokenBy(draft, stage, actor);
    if (rule.isPresent() && enabled()) {
      audit.recordDenied(
          actor,
          stage == ReviewStage.REVIEW ? "draft.review" : "draft.signOff",
          "proposal",
          String.valueOf(draft.getProposalId()),
          draft.getDepartmentCode() + " v" + draft.getVersion() + " " + rule.get());
      throw new SeparationOfDutiesException(rule.get(), draft.getVersion());
    }
  }

  /**
   * Refuses to let {@code actor} take a step that decides the department's current draft at {@code
   * stage} (a claim) when the decision would be refused.
   */
  @Transactional(readOnly = true)
  public void checkMayDecide(long proposalId, String department, ReviewStage stage, String actor) {
    drafts.findLatest(proposalId, department).ifPresent(d -> check(d, stage, actor));
  }

  /**
   * The proposals whose current draft of the department awaits a decision and was written or
   * approved by {@code user}: their review and sign-off steps are not for that person. Empty while
   * the rule is off. Read from the department's replies in review (a handful), not the person's
   * history.
   */
  @Transactional(readOnly = true)
  public List<Long> notForDecisionBy(String department, String user) {
    if (!enabled()) {
      return List.of();
    }
    return drafts.inReviewTouchedBy(department, user);
  }
}
