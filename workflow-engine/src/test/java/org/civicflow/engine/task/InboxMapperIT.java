package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.civicflow.domain.identity.Role;
import org.civicflow.engine.EngineFixtures;
import org.civicflow.engine.intake.ProposalIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The inbox query on real process data: own and candidate tasks, overdue first, filters. */
@SpringBootTest
class InboxMapperIT {

  @Autowired EngineFixtures fixtures;
  @Autowired ProposalIntake intake;
  @Autowired Inbox inbox;
  @Autowired TaskService tasks;
  @Autowired TaskWork work;

  @Test
  void ownAndCandidateTasksOverdueFirstWithFilters() {
    fixtures.session();
    Caller registrar = fixtures.user("inbox.registrar", null, Role.REGISTRAR);
    Caller colleague = fixtures.user("inbox.registrar2", null, Role.REGISTRAR);
    fixtures.department("INBX", "收件测试局");
    Caller handler = fixtures.user("inbox.handler", "INBX", Role.HANDLER);
    String prefix = "I" + System.nanoTime() % 100_000;
    long a = intake.register(EngineFixtures.proposal(prefix + "1", "甲"), registrar).getId();
    long b = intake.register(EngineFixtures.proposal(prefix + "2", "乙"), registrar).getId();
    long c = intake.register(EngineFixtures.proposal(prefix + "3", "丙"), registrar).getId();

    InboxFilter mine = new InboxFilter("reviewAcceptance", null, null, null, 0, 200);
    List<InboxRow> rows = inbox.page(registrar, mine).items();
    assertThat(rows).extracting(InboxRow::proposalId).contains(a, b, c);
    InboxRow rowB = rows.stream().filter(r -> r.proposalId() == b).findFirst().orElseThrow();
    assertThat(rowB.proposalNumber()).isEqualTo(prefix + "2");
    assertThat(rowB.title()).isEqualTo("乙");
    assertThat(rowB.sessionName()).isEqualTo(EngineFixtures.SESSION);

    // an overdue task comes first
    tasks.setDueDate(rowB.id(), new Date(System.currentTimeMillis() - 86_400_000L));
    Inbox.Page page = inbox.page(registrar, mine);
    assertThat(page.items().get(0).proposalId()).isEqualTo(b);
    assertThat(page.items().get(0).overdue(page.now())).isTrue();
    assertThat(page.overdue()).isGreaterThanOrEqualTo(1);

    // a task a colleague took leaves the others' inboxes, and stays in the colleague's
    String taskOfC =
        inbox.page(registrar, new InboxFilter(null, null, null, c, 0, 5)).items().get(0).id();
    work.claim(taskOfC, colleague);
    assertThat(inbox.page(registrar, new InboxFilter(null, null, null, c, 0, 5)).items()).isEmpty();
    assertThat(inbox.page(colleague, new InboxFilter(null, null, null, c, 0, 5)).items())
        .singleElement()
        .extracting(InboxRow::assignee)
        .isEqualTo("inbox.registrar2");

    // filters and other people
    assertThat(inbox.page(registrar, new InboxFilter(null, null, null, a, 0, 5)).items())
        .extracting(InboxRow::proposalId)
        .containsOnly(a);
    assertThat(inbox.page(registrar, new InboxFilter(null, null, true, null, 0, 200)).items())
        .extracting(InboxRow::proposalId)
        .doesNotContain(a, b, c);
    assertThat(inbox.page(handler, new InboxFilter(null, null, null, null, 0, 200)).items())
        .extracting(InboxRow::proposalId)
        .doesNotContain(a, b, c);
    assertThat(inbox.page(registrar, new InboxFilter(null, null, null, null, 0, 1)).items())
        .hasSize(1);
    assertThat(inbox.count(registrar)).isGreaterThanOrEqualTo(2);
  }

  /**
   * Small pages of a larger inbox are read in index order (Inbox.ORDERED_SHARE), a full page by
   * sorting: both give the same tasks in the same order, dated ones (overdue first) before undated
   * ones, and the same totals.
   */
  @Test
  void pagesReadInIndexOrderMatchTheSortedInbox() {
    fixtures.session();
    Caller registrar = fixtures.user("inbox.order.registrar", null, Role.REGISTRAR);
    String prefix = "O" + System.nanoTime() % 100_000;
    for (int i = 0; i < 12; i++) {
      intake.register(EngineFixtures.proposal(prefix + i, "排序" + i), registrar);
    }
    InboxFilter all = new InboxFilter("reviewAcceptance", null, null, null, 0, 200);
    List<InboxRow> before = inbox.page(registrar, all).items();
    assertThat(before).hasSizeGreaterThanOrEqualTo(12);
    // some overdue, some due later (two on the same day), some without a due date
    long now = System.currentTimeMillis();
    tasks.setDueDate(before.get(0).id(), new Date(now - 3 * 86_400_000L));
    tasks.setDueDate(before.get(1).id(), new Date(now + 5 * 86_400_000L));
    tasks.setDueDate(before.get(2).id(), new Date(now + 5 * 86_400_000L));
    tasks.setDueDate(before.get(3).id(), null);
    tasks.setDueDate(before.get(4).id(), null);

    Inbox.Page sorted = inbox.page(registrar, all);
    List<String> expected = sorted.items().stream().map(InboxRow::id).toList();
    assertThat(sorted.total()).isEqualTo(expected.size());
    List<String> paged = new java.util.ArrayList<>();
    for (int page = 0; page * 2 < expected.size(); page++) {
      Inbox.Page p =
          inbox.page(registrar, new InboxFilter("reviewAcceptance", null, null, null, page, 2));
      assertThat(p.total()).isEqualTo(sorted.total());
      assertThat(p.overdue()).isEqualTo(sorted.overdue());
      paged.addAll(p.items().stream().map(InboxRow::id).toList());
    }
    assertThat(paged).containsExactlyElementsOf(expected);
    // dated before undated, overdue first, and an overdue task counted
    List<InboxRow> rows = sorted.items();
    int firstUndated = rows.size() - 1;
    while (firstUndated > 0 && rows.get(firstUndated - 1).dueDate() == null) {
      firstUndated--;
    }
    assertThat(rows.subList(0, firstUndated)).allMatch(r -> r.dueDate() != null);
    assertThat(rows.subList(firstUndated, rows.size())).allMatch(r -> r.dueDate() == null);
    assertThat(rows.get(0).overdue(sorted.now())).isTrue();
    assertThat(sorted.overdue()).isGreaterThanOrEqualTo(1);
  }

  /**
   * A view reads its page alongside the totals the way the person's last view was read; when the
   * inbox has crossed the line between reading in order and sorting meanwhile, the page is read
   * again the right way: every view gives the same page and totals.
   */
  @Test
  void aPageReadAlongsideTheTotalsIsTheSameWhicheverWayTheLastViewWent() {
    fixtures.session();
    Caller registrar = fixtures.user("inbox.along.registrar", null, Role.REGISTRAR);
    String prefix = "A" + System.nanoTime() % 100_000;
    for (int i = 0; i < 6; i++) {
      intake.register(EngineFixtures.proposal(prefix + i, "并读" + i), registrar);
    }
    InboxFilter firstThree = new InboxFilter("reviewAcceptance", null, null, null, 0, 3);
    List<InboxRow> all =
        inbox
            .page(registrar, new InboxFilter("reviewAcceptance", null, null, null, 0, 200))
            .items();
    tasks.setDueDate(all.get(0).id(), new Date(System.currentTimeMillis() - 86_400_000L));
    tasks.setDueDate(all.get(1).id(), null);

    // in order (nothing known yet), sorted (guessed in order), in order (guessed sorted), in order
    int[] shares = {1, 1_000_000, 1, 1};
    Inbox.Page first = null;
    for (int share : shares) {
      Inbox.Page p = inbox.page(registrar, firstThree, share);
      if (first == null) {
        first = p;
        assertThat(p.items()).hasSize(3);
      }
      assertThat(p.items())
          .as("share %d", share)
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(first.items());
      assertThat(p.total()).isEqualTo(first.total());
      assertThat(p.overdue()).isEqualTo(first.overdue());
    }
  }

  /**
   * The inbox on one proposal (one statement over the proposal's process instances) gives the same
   * rows, order and totals as the whole inbox restricted to that proposal — for the registrar's
   * steps and for a department's step in the called process.
   */
  @Test
  void oneProposalsInboxMatchesTheWholeInbox() {
    fixtures.session();
    Caller registrar = fixtures.user("inbox.one.registrar", null, Role.REGISTRAR);
    fixtures.department("INB1", "单件收件测试局");
    Caller handler = fixtures.user("inbox.one.handler", "INB1", Role.HANDLER);
    String prefix = "P" + System.nanoTime() % 100_000;
    long a = intake.register(EngineFixtures.proposal(prefix + "1", "单甲"), registrar).getId();
    long b = intake.register(EngineFixtures.proposal(prefix + "2", "单乙"), registrar).getId();

    InboxFilter ofA = new InboxFilter(null, null, null, a, 0, 20);
    Inbox.Page registrarsA = inbox.page(registrar, ofA);
    assertThat(registrarsA.items())
        .singleElement()
        .satisfies(r -> assertThat(r.key()).isEqualTo("reviewAcceptance"));
    assertThat(registrarsA.total()).isEqualTo(1);
    assertThat(registrarsA.items())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(
            inbox.page(registrar, new InboxFilter(null, null, null, null, 0, 200)).items().stream()
                .filter(r -> r.proposalId() == a)
                .toList());
    tasks.setDueDate(registrarsA.items().get(0).id(), new Date(System.currentTimeMillis() - 1000));
    assertThat(inbox.page(registrar, ofA).overdue()).isEqualTo(1);
    assertThat(inbox.page(registrar, new InboxFilter("signFor", null, null, a, 0, 20)).items())
        .isEmpty();
    assertThat(inbox.page(handler, ofA).items()).isEmpty();

    // the department's step, in the called process, for its handler only
    work.complete(
        registrarsA.items().get(0).id(), java.util.Map.of("decision", "ACCEPT"), registrar);
    String assign = inbox.page(registrar, ofA).items().get(0).id();
    work.complete(
        assign, java.util.Map.of("mode", "LEAD_CO", "lead", "INB1", "co", List.of()), registrar);
    Inbox.Page handlersA = inbox.page(handler, ofA);
    assertThat(handlersA.items())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("signFor");
              assertThat(r.proposalId()).isEqualTo(a);
              assertThat(r.candidateGroup()).isNotNull();
            });
    assertThat(handlersA.items())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(
            inbox.page(handler, new InboxFilter(null, null, null, null, 0, 200)).items().stream()
                .filter(r -> r.proposalId() == a)
                .toList());
    assertThat(inbox.page(registrar, ofA).items()).isEmpty();
    // another proposal, and a page past the end
    assertThat(inbox.page(handler, new InboxFilter(null, null, null, b, 0, 20)).items()).isEmpty();
    Inbox.Page beyond = inbox.page(handler, new InboxFilter(null, null, null, a, 1, 20));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(1);
  }
}
