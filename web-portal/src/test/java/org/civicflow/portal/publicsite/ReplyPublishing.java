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
    complete(
        "swj.handler",
        proposalId,
        "draftReply",
        Map.of(
            "replyText", replyText,
            "category", "A",
            "contactMethod", "NONE",
            "disclosure", "PUBLIC"));
    complete("swj.reviewer", proposalId, "reviewDraft", Map.of("decision", "APPROVE"));
    complete("swj.leader", proposalId, "signOff", Map.of("decision", "APPROVE"));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      management.createJobQuery().executable().list().forEach(j -> execute(j.getId()));
      Long id =
          jdbc
              .query(
                  "SELECT id FROM cf_publication WHERE proposal_id = ? AND state = 'PUBLISHED'",
                  (row, n) -> row.getLong(1),
                  proposalId)
              .stream()
              .findFirst()
              .orElse(null);
      if (id != null) {
        return id;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the reply to " + proposalId + " was not published");
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
