package org.civicflow.portal.publicsite;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes a test's own proposal through the process to a published reply, as the registrar, the
 * handler, the reviewer and the leader of SWJ would (the job executor being off, the send and
 * publish jobs are run here, until the reply is published).
 */
public final class ReplyPublishing {

  private final ProposalIntake intake;
  private final TaskWork work;
  private final Inbox inbox;
  private final UserDirectory users;
  private final ManagementService management;
  private final JdbcTemplate jdbc;

  public ReplyPublishing(
      ProposalIntake intake,
      TaskWork work,
      Inbox inbox,
      UserDirectory users,
      ManagementService management,
      JdbcTemplate jdbc) {
    this.intake = intake;
    this.work = work;
    this.inbox = inbox;
    this.users = users;
    this.management = management;
    this.jdbc = jdbc;
  }

  /**
   * A proposer account of a test's own (created once), so that the test's proposals do not crowd
   * the demo proposer's lists, which other suites read.
   */
  public static String ownProposer(
      org.civicflow.domain.identity.UserManagement accounts, UserDirectory users, String username) {
    if (users.find(username).isEmpty()) {
      try {
        accounts.create(
            new org.civicflow.domain.identity.NewUser(
                username,
                "测试代表",
                "Demo@12345",
                null,
                java.util.EnumSet.of(org.civicflow.domain.identity.Role.PROPOSER),
                "昌图县",
                null,
                null),
            true);
      } catch (org.civicflow.domain.common.ConflictException createdMeanwhile) {
        // another context of this run made it
      }
    }
    return username;
  }

  public Caller caller(String username) {
    return Caller.of(users.find(username).orElseThrow());
  }

  /** Registers the proposal and publishes {@code replyText} as its reply; the publication's id. */
  public long publish(NewProposal proposal, String replyText) {
    long proposalId = intake.register(proposal, caller("registrar")).getId();
    complete("registrar", proposalId, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    complete(
        "registrar", proposalId, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "SWJ"));
    complete("swj.handler", proposalId, "signFor", Map.of("decision", "ACCEPT"));
    draftReviewAndSign(proposalId, replyText, "PUBLIC");
    return awaitPublication(proposalId, "PUBLISHED", 0);
  }

  /**
   * Registers the proposal and signs {@code replyText} as a reply that is not public, which the
   * registrar confirms; the publication's id (state NOT_PUBLIC).
   */
  public long signNotPublic(NewProposal proposal, String replyText) {
    long proposalId = intake.register(proposal, caller("registrar")).getId();
    complete("registrar", proposalId, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    complete(
        "registrar", proposalId, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "SWJ"));
    complete("swj.handler", proposalId, "signFor", Map.of("decision", "ACCEPT"));
    draftReviewAndSign(proposalId, replyText, "NOT_PUBLIC");
    runJobsUntil(() -> hasTask("registrar", proposalId, "confirmNonDisclosure"), proposalId);
    complete("registrar", proposalId, "confirmNonDisclosure", Map.of("decision", "CONFIRM"));
    return awaitPublication(proposalId, "NOT_PUBLIC", 0);
  }

  /**
   * Registers the proposal and takes it to the leader's signature of {@code replyText} with the
   * given disclosure; the proposal's id (what follows the signature is up to the jobs).
   */
  public long sign(NewProposal proposal, String replyText, String disclosure) {
    long proposalId = intake.register(proposal, caller("registrar")).getId();
    complete("registrar", proposalId, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    complete(
        "registrar", proposalId, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "SWJ"));
    complete("swj.handler", proposalId, "signFor", Map.of("decision", "ACCEPT"));
    draftReviewAndSign(proposalId, replyText, disclosure);
    return proposalId;
  }

  /**
   * The proposer ({@code proposer}'s account) rates the published reply unsatisfied; the department
   * handles it again and publishes {@code replyText}: the id of the second publication.
   */
  public long republishAfterUnsatisfiedRating(long proposalId, String proposer, String replyText) {
    runJobsUntil(() -> hasTask(proposer, proposalId, "giveFeedback"), proposalId);
    complete(
        proposer,
        proposalId,
        "giveFeedback",
        Map.of("workRating", "SATISFIED", "resultRating", "UNSATISFIED", "comment", "不够具体"));
    runJobsUntil(() -> hasTask("swj.handler", proposalId, "draftReply"), proposalId);
    long first = awaitPublication(proposalId, "PUBLISHED", 0);
    draftReviewAndSign(proposalId, replyText, "PUBLIC");
    return awaitPublication(proposalId, "PUBLISHED", first);
  }

  private void draftReviewAndSign(long proposalId, String replyText, String disclosure) {
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("replyText", replyText);
    draft.put("category", "A");
    draft.put("contactMethod", "NONE");
    draft.put("disclosure", disclosure);
    if (!"PUBLIC".equals(disclosure)) {
      draft.put("nonDisclosureReason", "涉及个人隐私");
    }
    complete("swj.handler", proposalId, "draftReply", draft);
    complete("swj.reviewer", proposalId, "reviewDraft", Map.of("decision", "APPROVE"));
    complete("swj.leader", proposalId, "signOff", Map.of("decision", "APPROVE"));
  }

  /** The id of the proposal's publication in {@code state} with an id above {@code after}. */
  private long awaitPublication(long proposalId, String state, long after) {
    long[] found = new long[1];
    runJobsUntil(
        () -> {
          found[0] =
              jdbc
                  .query(
                      "SELECT id FROM cf_publication WHERE proposal_id = ? AND state = ? AND id > ?",
                      (row, n) -> row.getLong(1),
                      proposalId,
                      state,
                      after)
                  .stream()
                  .findFirst()
                  .orElse(0L);
          return found[0] != 0;
        },
        proposalId);
    return found[0];
  }

  public boolean hasTask(String user, long proposalId, String key) {
    return !inbox
        .page(caller(user), new InboxFilter(key, null, null, proposalId, 0, 5))
        .items()
        .isEmpty();
  }

  /** Runs the due jobs (the job executor is off) until {@code done}, for at most 30 s. */
  public void runJobsUntil(java.util.function.BooleanSupplier done, long proposalId) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      management.createJobQuery().executable().list().forEach(j -> execute(j.getId()));
      if (done.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("proposal " + proposalId + " did not get there");
      }
      sleep();
    }
  }

  /**
   * Runs a job. Another application context of the test run, sharing the embedded database with its
   * job executor on, may run it at the same moment: that one's run counts, as on a cluster.
   */
  private void execute(String jobId) {
    try {
      management.executeJob(jobId);
    } catch (OptimisticLockingException | NullValueException alreadyRun) {
      // executed (or being executed) elsewhere; the loop waits for its result
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void complete(String user, long proposalId, String key, Map<String, Object> body) {
    Caller c = caller(user);
    work.complete(
        inbox.page(c, new InboxFilter(key, null, null, proposalId, 0, 5)).items().get(0).id(),
        body,
        c);
  }
}
