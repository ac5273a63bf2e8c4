package org.civicflow.portal.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.civicflow.portal.ProposalJobs;

/**
 * Proposals for the need-to-know table of the access matrix, made through the API as people do:
 * SCJG leads, WXB co-handles and has sent its opinion, GAJ asked to be re-assigned and was
 * released. SCJG's first draft was returned with a comment; the second is in review, or signed, or
 * sent.
 */
final class NeedToKnowFixtures {

  static final String PROPOSER = "deputy.sight";

  /** One such proposal and what only its lead department (and the registrar) may read of it. */
  record Handled(long id, String firstDraft, String returnComment, String secondDraft) {

    /** The lead's internals: its drafts and the reviewer's comment. */
    List<String> internals() {
      return List.of(firstDraft, returnComment);
    }
  }

  private final MatrixFixtures fixtures;
  private final Map<String, Visitor> people;
  private final ManagementService management;
  private final RuntimeService runtime;

  /**
   * @param people signed-in visitors by user name: registrar, scjg.handler, scjg.reviewer,
   *     scjg.leader, wxb.handler, gaj.handler
   */
  NeedToKnowFixtures(
      MatrixFixtures fixtures,
      Map<String, Visitor> people,
      ManagementService management,
      RuntimeService runtime) {
    this.fixtures = fixtures;
    this.people = people;
    this.management = management;
    this.runtime = runtime;
  }

  private void complete(String who, long id, String key, Map<String, Object> body) {
    MatrixFixtures.complete(people.get(who), id, key, body);
  }

  /** A proposal whose second draft is in review at SCJG. */
  Handled inReview(String title, String nonce) {
    long id = fixtures.accepted(title, PROPOSER);
    complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of("WXB", "GAJ")));
    complete(
        "gaj.handler",
        id,
        "signFor",
        Map.of("decision", "REQUEST_REASSIGNMENT", "reason", "矩阵调整理由" + nonce));
    complete("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    complete("wxb.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    complete("registrar", id, "decideReassignment", Map.of("decision", "APPROVE"));
    complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of("WXB")));
    complete("wxb.handler", id, "coHandlingOpinion", Map.of("opinion", "矩阵协办意见" + nonce));
    Handled h =
        new Handled(
            id, "矩阵主办初稿" + nonce + "。", "矩阵退回意见" + nonce, "矩阵主办二稿" + nonce + "。补充了关键词监测情况。");
    complete("scjg.handler", id, "draftReply", MatrixFixtures.draft(h.firstDraft()));
    complete(
        "scjg.reviewer",
        id,
        "reviewDraft",
        Map.of("decision", "RETURN", "comment", h.returnComment()));
    complete("scjg.handler", id, "draftReply", MatrixFixtures.draft(h.secondDraft()));
    return h;
  }

  /**
   * A proposal whose second draft SCJG's leader signed; not sent: the sending job is created held
   * (its job definition suspended for the moment of the sign-off), so that no job executor sharing
   * the database sends it, until {@link #finishHeld}.
   */
  Handled signed(String title, String nonce) {
    Handled h = reviewed(title, nonce);
    List<JobDefinition> sending =
        management.createJobDefinitionQuery().activityIdIn("sendReply").list();
    sending.forEach(d -> management.suspendJobDefinitionById(d.getId(), false));
    try {
      complete("scjg.leader", h.id(), "signOff", Map.of("decision", "APPROVE"));
    } finally {
      sending.forEach(d -> management.activateJobDefinitionById(d.getId(), false));
    }
    return h;
  }

  /** A proposal whose signed reply was sent to the proposer. */
  Handled sent(String title, String nonce) {
    Handled h = reviewed(title, nonce);
    complete("scjg.leader", h.id(), "signOff", Map.of("decision", "APPROVE"));
    ProposalJobs.runDue(management, runtime, h.id());
    return h;
  }

  private Handled reviewed(String title, String nonce) {
    Handled h = inReview(title, nonce);
    complete("scjg.reviewer", h.id(), "reviewDraft", Map.of("decision", "APPROVE"));
    return h;
  }

  /**
   * Sends the held reply now, in this thread: its jobs run here while new jobs of sending and
   * publishing are created held, so that no job executor sharing the database does anything of it
   * later, in another suite's test.
   */
  void finishHeld(long proposalId) {
    List<JobDefinition> async =
        management.createJobDefinitionQuery().activityIdIn("sendReply", "publishReply").list();
    async.forEach(d -> management.suspendJobDefinitionById(d.getId(), false));
    try {
      ProposalJobs.runDue(management, runtime, proposalId); // a held job runs when asked to
    } finally {
      async.forEach(d -> management.activateJobDefinitionById(d.getId(), false));
    }
  }
}
