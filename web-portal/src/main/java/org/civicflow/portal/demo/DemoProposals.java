package org.civicflow.portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.engine.intake.ProposalIntake;
import org.springframework.stereotype.Component;

/**
 * Demo proposals at every stage, made by driving the real services and processes: the registrar
 * registers, accepts and assigns; handlers sign for and draft; reviewers and leaders decide; the
 * deputy rates. Suggestion 911100 of the product guide runs on its historical dates (the engine
 * clock is moved for it) and ends replied, published and rated.
 */
@Component
class DemoProposals {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  private final ProposalIntake intake;
  private final DemoActor people;
  private final ManagementService management;
  private int sequence = 100;

  DemoProposals(ProposalIntake intake, DemoActor people, ManagementService management) {
    this.intake = intake;
    this.people = people;
    this.management = management;
  }

  void create() {
    try {
      suggestion911100();
    } finally {
      ClockUtil.reset();
    }
    overdueItem();
    stages();
  }

  /** 911100: registered 2021-12-29, replied 2022-05-30, published 2022-06-02, rated. */
  private void suggestion911100() {
    at("2021-12-29T10:00");
    long id =
        register(
            new NewProposal(
                DemoDataLoader.SESSION,
                "911100",
                ProposalType.SUGGESTION,
                "关于加强对网红“直播带货”市场监督管理的建议",
                DemoTexts.SUGGESTION_911100,
                "市场监管",
                "金淼",
                "deputy.jinmiao",
                List.of("王立新", "赵春梅"),
                "昌图县",
                Instant.now(clock())));
    at("2022-01-04T09:30");
    people.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    people.complete(
        "registrar",
        id,
        "assignDepartments",
        Map.of("mode", "LEAD_CO", "lead", "SCJG", "co", List.of("WXB"), "complex", true));
    at("2022-01-06T14:00");
    people.complete("scjg.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    people.complete("wxb.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    at("2022-02-15T16:00");
    people.complete(
        "wxb.handler", id, "coHandlingOpinion", Map.of("opinion", DemoTexts.OPINION_911100));
    at("2022-05-16T10:00");
    people.complete("scjg.handler", id, "draftReply", draft(DemoTexts.DRAFT_911100_V1, "B"));
    at("2022-05-18T15:00");
    people.complete(
        "scjg.reviewer",
        id,
        "reviewDraft",
        Map.of("decision", "RETURN", "comment", "请补充平台关键词监测的具体数据和12315投诉受理情况。"));
    at("2022-05-24T11:00");
    people.complete("scjg.handler", id, "draftReply", draft(DemoTexts.REPLY_911100, "B"));
    at("2022-05-26T09:00");
    people.complete(
        "scjg.reviewer", id, "reviewDraft", Map.of("decision", "APPROVE", "comment", "同意。"));
    at("2022-05-30T10:00");
    people.complete(
        "scjg.leader", id, "signOff", Map.of("decision", "APPROVE", "comment", "同意签发。"));
    runJobs("sendReply");
    at("2022-06-02T09:00");
    runJobs("publishReply");
    at("2022-06-20T10:00");
    people.complete(
        "deputy.jinmiao",
        id,
        "giveFeedback",
        Map.of("workRating", "SATISFIED", "resultRating", "SATISFIED", "comment", "答复认真,措施具体,满意。"));
  }

  /** An item assigned four months ago with a three-month deadline: overdue, under supervision. */
  private void overdueItem() {
    LocalDateTime now = LocalDateTime.now(CITY);
    ClockUtil.setCurrentTime(Date.from(now.minusMonths(4).atZone(CITY).toInstant()));
    try {
      long id = register(suggestion("关于规范中小学校外培训机构收费的建议", "教育", "部分校外培训机构预收费用过高、退费难,建议加强预收费监管。"));
      people.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
      people.complete(
          "registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", "JYJ"));
      people.complete("jyj.handler", id, "signFor", Map.of("decision", "ACCEPT"));
    } finally {
      ClockUtil.reset();
    }
    // the reminders and the deadline are due now: the job executor (or this run) fires them
    runJobs(null);
  }

  /** One proposal waiting at each step, so that every role finds work in the inbox. */
  private void stages() {
    // waiting for acceptance
    register(suggestion("关于在老旧小区加装电梯的建议", "城建", "老旧小区老年人上下楼困难,建议加快加装电梯。"));
    // waiting for assignment (the routing table suggests the lead department)
    long toAssign =
        register(suggestion("关于加强网络直播平台未成年人保护的建议", "网络", "部分直播平台对未成年人打赏、沉迷缺乏有效管理,建议加强网络平台监管。"));
    people.complete("registrar", toAssign, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    // waiting for sign-for by the lead and a co-handling department
    long toSign =
        assigned("关于整治农贸市场周边交通秩序的建议", "交通", "农贸市场周边早晚高峰车辆乱停乱放,建议加强交通疏导。", "GAJ", List.of("SCJG"));
    // drafting at SCJG: a handler can finish it
    long drafting =
        assigned("关于加强预付卡消费监管的建议", "市场监管", "部分商家发售预付卡后停业跑路,消费者维权难,建议加强预付卡监管。", "SCJG", List.of());
    people.complete("scjg.handler", drafting, "signFor", Map.of("decision", "ACCEPT"));
    // in review at SCJG, after one return
    long review =
        assigned("关于加强食品小作坊监管的建议", "市场监管", "部分食品小作坊卫生条件差、无证经营,建议加强日常监管。", "SCJG", List.of());
    people.complete("scjg.handler", review, "signFor", Map.of("decision", "ACCEPT"));
    people.complete("scjg.handler", review, "draftReply", draft(DemoTexts.DRAFT_WORKSHOP_V1, "B"));
    people.complete(
        "scjg.reviewer",
        review,
        "reviewDraft",
        Map.of("decision", "RETURN", "comment", "请写明专项检查的次数和查处的案件数。"));
    people.complete("scjg.handler", review, "draftReply", draft(DemoTexts.DRAFT_WORKSHOP_V2, "B"));
    // waiting for the leader's sign-off
    long signOff =
        assigned(
            "关于规范网络订餐食品安全的建议", "市场监管", "部分网络订餐商户无实体门店、卫生状况不明,建议加强网络订餐平台监管。", "SCJG", List.of());
    people.complete("scjg.handler", signOff, "signFor", Map.of("decision", "ACCEPT"));
    people.complete("scjg.handler", signOff, "draftReply", draft(DemoTexts.DRAFT_DELIVERY, "A"));
    people.complete("scjg.reviewer", signOff, "reviewDraft", Map.of("decision", "APPROVE"));
    // replied and published, waiting for the deputy's rating
    long rating =
        assigned("关于增设社区便民消费维权服务站的建议", "商务", "消费者投诉渠道分散,建议在社区增设消费维权服务站。", "SWJ", List.of());
    people.complete("swj.handler", rating, "signFor", Map.of("decision", "ACCEPT"));
    people.complete(
        "swj.handler", rating, "draftReply", draft(DemoTexts.DRAFT_SERVICE_STATIONS, "B"));
    people.complete("swj.reviewer", rating, "reviewDraft", Map.of("decision", "APPROVE"));
    people.complete("swj.leader", rating, "signOff", Map.of("decision", "APPROVE"));
    runJobs(null);
  }

  private long assigned(
      String title, String category, String content, String lead, List<String> co) {
    long id = register(suggestion(title, category, content));
    people.complete("registrar", id, "reviewAcceptance", Map.of("decision", "ACCEPT"));
    people.complete(
        "registrar", id, "assignDepartments", Map.of("mode", "LEAD_CO", "lead", lead, "co", co));
    return id;
  }

  private NewProposal suggestion(String title, String category, String content) {
    return new NewProposal(
        DemoDataLoader.SESSION,
        String.valueOf(910000 + sequence++),
        ProposalType.SUGGESTION,
        title,
        content,
        category,
        "金淼",
        "deputy.jinmiao",
        List.of(),
        "昌图县",
        Instant.now(clock()).minusSeconds(86_400));
  }

  private long register(NewProposal input) {
    return intake.register(input, people.caller("registrar")).getId();
  }

  private static Map<String, Object> draft(String text, String category) {
    Map<String, Object> draft = new java.util.LinkedHashMap<>();
    draft.put("replyText", text);
    draft.put("category", category);
    draft.put("contactMethod", "PHONE");
    draft.put("contactNote", "承办人电话联系代表,听取意见");
    draft.put("disclosure", "PUBLIC");
    if ("B".equals(category)) {
      // a reply that promises action lists what, by when and how one will know
      draft.put("commitments", DemoTexts.commitmentsOf(text, demoToday()));
    }
    return draft;
  }

  private static LocalDate demoToday() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), CITY);
  }

  /** Runs the due jobs (of one activity, or all) as the job executor would. */
  private void runJobs(String activityId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due =
          management.createJobQuery().executable().list().stream()
              .filter(j -> activityId == null || activityId.equals(activityOf(j)))
              .toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException alreadyTaken) {
          // the job executor ran it meanwhile
        }
      }
    }
  }

  private String activityOf(Job job) {
    var definition =
        management
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return definition == null ? null : definition.getActivityId();
  }

  private static void at(String localDateTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(localDateTime).atZone(CITY).toInstant()));
  }

  private static java.time.Clock clock() {
    return java.time.Clock.fixed(ClockUtil.now().toInstant(), CITY);
  }

  static LocalDate today() {
    return LocalDate.now(CITY);
  }
}
