package org.civicflow.portal.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskWork;

/**
 * A session of its own with six proposals brought to known states through the real processes, the
 * way people would (register, accept, assign, sign for, draft, review, sign off, rate):
 *
 * <ul>
 *   <li>S001 (市场监管, 昌图县, key item): SCJG replies at once (A), rated 满意/满意 — closed;
 *   <li>S002 (市场监管, 昌图县): SWJ replies at once (B), rated 基本满意/基本满意 — closed;
 *   <li>S003 (教育, 铁岭县): JYJ replies at once (C), rated 满意 work / 不满意 result — re-handling;
 *   <li>S004 (教育, 铁岭县, key item, a title that looks like a formula): assigned to JYJ 40 days ago
 *       with a 30-day deadline, signed for, never replied — overdue;
 *   <li>S005 (交通, no delegation): assigned 40 days ago to SCJG with SWJ co-handling, same deadline;
 *       SWJ sent its opinion then, SCJG replies today (B), late — waiting for the rating;
 *   <li>S006 (城建, 昌图县): refused.
 * </ul>
 */
final class StatsFixture {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
  static final String FORMULA_TITLE = "=SUM(1,2)关于规范校外培训收费的建议";

  final String session;
  final Map<String, Long> ids = new HashMap<>();
  private final ProposalIntake intake;
  private final Inbox inbox;
  private final TaskWork work;
  private final UserDirectory users;
  private final ManagementService management;
  private final AssignmentManagement assignments;

  StatsFixture(
      SessionCatalog sessions,
      ProposalIntake intake,
      Inbox inbox,
      TaskWork work,
      UserDirectory users,
      ManagementService management,
      AssignmentManagement assignments) {
    this.intake = intake;
    this.inbox = inbox;
    this.work = work;
    this.users = users;
    this.management = management;
    this.assignments = assignments;
    this.session = "统计测试会议" + System.nanoTime() % 1_000_000_000;
    sessions.create(Session.of(session, SessionKind.NPC, LocalDate.now(CITY).minusMonths(2)));
  }

  /** The deadline the latest department of a proposal has now. */
  LocalDate dueOf(String number) {
    List<Assignment> all = assignments.of(ids.get(number));
    return all.get(all.size() - 1).getDueDate();
  }

  StatsFixture build() {
    Instant now = ClockUtil.now().toInstant();
    ClockUtil.setCurrentTime(Date.from(now.minusSeconds(40 * 86_400L)));
    try {
      LocalDate due = ClockUtil.now().toInstant().atZone(CITY).toLocalDate().plusDays(30);
      long s4 = accepted("S004", FORMULA_TITLE, "教育", "铁岭县");
      complete(
          "registrar",
          s4,
          "assignDepartments",
          Map.of("mode", "LEAD_CO", "lead", "JYJ", "dueDate", due.toString(), "key", true));
      complete("jyj.handler", s4, "signFor", Map.of("decision", "ACCEPT"));

      long s5 = accepted("S005", "关于整治农贸市场周边交通秩序的建议", "交通", null);
      complete(
          "registrar",
          s5,
          "assignDepartments",
          Map.of(
              "mode", "LEAD_CO", "lead", "SCJG", "co", List.of("SWJ"), "dueDate", due.toString()));
      complete("scjg.handler", s5, "signFor", Map.of("decision", "ACCEPT"));
      complete("swj.handler", s5, "signFor", Map.of("decision", "ACCEPT"));
      complete("swj.handler", s5, "coHandlingOpinion", Map.of("opinion", "商务局配合做好市场周边秩序管理。"));
      runJobs();
    } finally {
      ClockUtil.reset();
    }
    // the deadlines of S004 and S005 have passed: reminders, overdue marks, supervision
    runJobs();
    reply("S005", "scjg", "B");

    long s1 = accepted("S001", "关于加强预付卡消费监管的建议", "市场监管", "昌图县");
    assign(s1, "SCJG", true);
    reply("S001", "scjg", "A");
    rate(s1, "SATISFIED", "SATISFIED", null);

    long s2 = accepted("S002", "关于增设社区便民消费维权服务站的建议", "市场监管", "昌图县");
    assign(s2, "SWJ", false);
    reply("S002", "swj", "B");
    rate(s2, "BASICALLY_SATISFIED", "BASICALLY_SATISFIED", null);

    long s3 = accepted("S003", "关于加强中小学课后服务的建议", "教育", "铁岭县");
    assign(s3, "JYJ", false);
    reply("S003", "jyj", "C");
    rate(s3, "SATISFIED", "UNSATISFIED", "课后服务覆盖面仍然不足");

    long s6 = registered("S006", "关于推广某品牌净水器的建议", "城建", "昌图县");
    complete(
        "registrar", s6, "reviewAcceptance", Map.of("decision", "REFUSE", "reason", "属于产品推销,不予立案"));
    runJobs();
    return this;
  }

  private long registered(String number, String title, String category, String delegation) {
    long id =
        intake
            .register(
                new NewProposal(
                    session,
                    number,
                    ProposalType.SUGGESTION,
                    title,
                    "建议内容:" + title + "。请有关部门研究办理。",
                    category,
                    "金淼",
                    "deputy.jinmiao",
                    List.of(),
                    delegation,
                    ClockUtil.now().toInstant().minusSeconds(3600)),
                caller("registrar"))
            .getId();
    ids.put(number, id);
    return id;
  }

  private long accepted(String number, String title, String category, String delegation) {
    long id = registered(number, title, category, delegation);
    complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    return id;
  }

  private void assign(long id, String lead, boolean key) {
    complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", lead, "co", List.of(), "key", key));
  }

  /** The department signs for (unless it has), drafts, reviews and signs off; the reply is sent. */
  static Map<String, Object> draft(String category) {
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("replyText", "金淼代表:您提出的建议收悉,现答复如下。我们已经研究并采取了措施。");
    d.put("category", category);
    d.put("contactMethod", "PHONE");
    d.put("contactNote", "承办人电话联系代表");
    d.put("disclosure", "PUBLIC");
    if ("B".equals(category)) {
      d.put(
          "commitments",
          List.of(
              Map.of(
                  "text",
                  "开展专项检查",
                  "dueDate",
                  java.time.LocalDate.now().plusYears(1).toString(),
                  "measure",
                  "检查结果公布")));
    }
    return d;
  }

  void reply(String number, String department, String category) {
    long id = ids.get(number);
    if (!tasks(department + ".handler", id, "signFor").isEmpty()) {
      complete(department + ".handler", id, "signFor", Map.of("decision", "ACCEPT"));
    }
    complete(department + ".handler", id, "draftReply", draft(category));
    complete(department + ".reviewer", id, "reviewDraft", Map.of("decision", "APPROVE"));
    complete(department + ".leader", id, "signOff", Map.of("decision", "APPROVE"));
    runJobs();
  }

  void rate(long id, String work, String result, String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("workRating", work);
    body.put("resultRating", result);
    if (comment != null) {
      body.put("comment", comment);
    }
    complete("deputy.jinmiao", id, "giveFeedback", body);
    runJobs();
  }

  private Caller caller(String username) {
    return Caller.of(users.find(username).orElseThrow());
  }

  private List<String> tasks(String user, long proposalId, String key) {
    return inbox
        .page(caller(user), new InboxFilter(key, null, null, proposalId, 0, 5))
        .items()
        .stream()
        .map(t -> t.id())
        .toList();
  }

  private void complete(String user, long proposalId, String key, Map<String, Object> body) {
    List<String> found = tasks(user, proposalId, key);
    // the job that makes the task may be in the hands of another test context's job executor
    // (same database): it is run here again, or its run is awaited, for up to ten seconds
    for (int wait = 0; found.isEmpty() && wait < 100; wait++) {
      runJobs();
      sleep(100);
      found = tasks(user, proposalId, key);
    }
    if (found.size() != 1) {
      throw new IllegalStateException(user + " has " + found.size() + " " + key + " tasks");
    }
    work.complete(found.get(0), body, caller(user));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs the due jobs as the job executor would (it is off in these tests). */
  void runJobs() {
    for (int round = 0; round < 50; round++) {
      var due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      boolean progressed = false;
      for (var job : due) {
        try {
          management.executeJob(job.getId());
          progressed = true;
        } catch (RuntimeException failed) {
          // another test's job that fails keeps its retries; ours are checked by the figures
        }
      }
      if (!progressed) {
        return;
      }
    }
  }
}
