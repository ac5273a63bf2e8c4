package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.domain.reply.SeparationOfDutiesException;
import org.civicflow.domain.setting.Settings;
import org.civicflow.engine.EngineFixtures;
import org.civicflow.engine.intake.ProposalIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Separation of duties through the engine, for one account that holds every role of a department:
 * it drafts, but its draft is neither in its inbox for review or sign-off nor can it claim or
 * complete those steps (a refusal naming the rule); a reviewer does not sign off what they
 * reviewed. Switched off (a small office), the one account does every step, and the switch is in
 * the audit log.
 */
@SpringBootTest
class SeparationOfDutiesIT {

  @Autowired EngineFixtures fixtures;
  @Autowired ProposalIntake intake;
  @Autowired Inbox inbox;
  @Autowired TaskWork work;
  @Autowired TaskService tasks;
  @Autowired SeparationOfDuties separation;
  @Autowired AuditLog audit;

  Caller registrar;
  Caller everything;
  Caller handler;
  Caller reviewer;
  Caller leader;

  @BeforeEach
  void people() {
    fixtures.session();
    fixtures.department("SOD", "职责分离测试局");
    registrar = fixtures.user("sod.registrar", null, Role.REGISTRAR);
    everything = fixtures.user("sod.all", "SOD", Role.HANDLER, Role.REVIEWER, Role.LEADER);
    handler = fixtures.user("sod.handler", "SOD", Role.HANDLER);
    reviewer = fixtures.user("sod.reviewer", "SOD", Role.REVIEWER);
    leader = fixtures.user("sod.leader", "SOD", Role.LEADER);
    separation.enable(true, "sod.admin");
  }

  @AfterEach
  void onAgain() {
    separation.enable(true, "sod.admin");
  }

  private List<String> keys(Caller who, long proposalId) {
    return inbox.page(who, new InboxFilter(null, null, null, proposalId, 0, 50)).items().stream()
        .map(InboxRow::key)
        .toList();
  }

  private String task(Caller who, long proposalId, String key) {
    List<InboxRow> rows =
        inbox.page(who, new InboxFilter(null, null, null, proposalId, 0, 50)).items();
    return rows.stream()
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not for " + who.username() + ": " + rows))
        .id();
  }

  /** The open task of that key, whoever's inbox shows it. */
  private String open(long proposalId, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(String.valueOf(proposalId))
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }

  private long draftedBy(Caller author) {
    long id =
        intake
            .register(
                EngineFixtures.proposal("S" + System.nanoTime() % 1_000_000, "职责分离"), registrar)
            .getId();
    work.complete(task(registrar, id, "reviewAcceptance"), Map.of("decision", "ACCEPT"), registrar);
    work.complete(
        task(registrar, id, "assignDepartments"),
        Map.of("mode", "LEAD_CO", "lead", "SOD", "co", List.of()),
        registrar);
    work.complete(task(author, id, "signFor"), Map.of("decision", "ACCEPT"), author);
    work.complete(
        task(author, id, "draftReply"),
        Map.of(
            "replyText", "关于建议的答复。",
            "category", "A",
            "contactMethod", "NONE",
            "disclosure", "PUBLIC"),
        author);
    return id;
  }

  @Test
  void theAuthorNeitherReviewsNorSignsOffTheirDraft() {
    long id = draftedBy(everything);
    assertThat(keys(everything, id)).as("the author's inbox").doesNotContain("reviewDraft");
    assertThat(keys(reviewer, id)).containsExactly("reviewDraft");
    String review = open(id, "reviewDraft");
    assertThatThrownBy(() -> work.claim(review, everything))
        .isInstanceOfSatisfying(
            SeparationOfDutiesException.class,
            e -> assertThat(e.messageKey()).isEqualTo("sod.author"));
    assertThatThrownBy(() -> work.complete(review, Map.of("decision", "APPROVE"), everything))
        .isInstanceOfSatisfying(
            SeparationOfDutiesException.class,
            e -> assertThat(e.messageKey()).isEqualTo("sod.author"));
    assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee())
        .as("nothing was taken")
        .isNull();
    assertThat(audit.forObject("proposal", String.valueOf(id)))
        .filteredOn(e -> e.action().equals("draft.review"))
        .extracting(AuditEvent::actor, AuditEvent::result)
        .contains(org.assertj.core.groups.Tuple.tuple("sod.all", AuditLog.DENIED));

    work.complete(review, Map.of("decision", "APPROVE"), reviewer);
    assertThat(keys(everything, id)).as("nor for sign-off").isEmpty();
    String signOff = open(id, "signOff");
    assertThatThrownBy(() -> work.complete(signOff, Map.of("decision", "APPROVE"), everything))
        .isInstanceOfSatisfying(
            SeparationOfDutiesException.class,
            e -> assertThat(e.messageKey()).isEqualTo("sod.author"));
    assertThat(keys(leader, id)).containsExactly("signOff");
    work.complete(signOff, Map.of("decision", "APPROVE"), leader);
  }

  @Test
  void theReviewerDoesNotSignOffWhatTheyReviewed() {
    long id = draftedBy(handler);
    assertThat(keys(everything, id)).containsExactly("reviewDraft");
    work.complete(task(everything, id, "reviewDraft"), Map.of("decision", "APPROVE"), everything);
    assertThat(keys(everything, id)).as("the reviewer's inbox").isEmpty();
    assertThat(inbox.count(everything)).isEqualTo(inbox.page(everything, all()).total());
    String signOff = open(id, "signOff");
    assertThatThrownBy(() -> work.claim(signOff, everything))
        .isInstanceOfSatisfying(
            SeparationOfDutiesException.class,
            e -> assertThat(e.messageKey()).isEqualTo("sod.reviewer"));
    assertThat(inbox.page(everything, all()).items())
        .extracting(InboxRow::id)
        .doesNotContain(signOff);
    assertThat(inbox.page(leader, all()).items()).extracting(InboxRow::id).contains(signOff);
    // a large inbox is read in index order (one task a page here): the same tasks, the same total
    long other = draftedBy(handler);
    List<String> inOrder = new java.util.ArrayList<>();
    long total = -1;
    for (int page = 0; page < 200; page++) {
      Inbox.Page p = inbox.page(everything, new InboxFilter(null, null, null, null, page, 1), 1);
      total = p.total();
      if (p.items().isEmpty()) {
        break;
      }
      inOrder.addAll(p.items().stream().map(InboxRow::id).toList());
    }
    assertThat(inOrder)
        .doesNotContain(signOff)
        .contains(open(other, "reviewDraft"))
        .hasSize((int) total);
    work.complete(signOff, Map.of("decision", "APPROVE"), leader);
  }

  @Test
  void switchedOffOneAccountDoesEveryStepAndTheSwitchIsAudited() {
    separation.enable(false, "sod.admin");
    long id = draftedBy(everything);
    work.complete(task(everything, id, "reviewDraft"), Map.of("decision", "APPROVE"), everything);
    work.complete(task(everything, id, "signOff"), Map.of("decision", "APPROVE"), everything);
    separation.enable(true, "sod.admin");
    assertThat(audit.forObject("setting", Settings.SEPARATION_OF_DUTIES))
        .extracting(AuditEvent::actor, AuditEvent::detail)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple("sod.admin", "true → false"),
            org.assertj.core.groups.Tuple.tuple("sod.admin", "false → true"));
  }

  private static InboxFilter all() {
    return new InboxFilter(null, null, null, null, 0, 200);
  }
}
