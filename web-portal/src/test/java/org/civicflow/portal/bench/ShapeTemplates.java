package org.civicflow.portal.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One real proposal driven through the engine over the API — registered, accepted, assigned to
 * SCJG, signed for, drafted, reviewed, signed off, sent — and the rows it has at each of its tasks
 * kept as the template of the generated proposals waiting at that task ({@link InboxData}).
 */
final class ShapeTemplates {

  static final String REVIEW_ACCEPTANCE = "reviewAcceptance";
  static final String ASSIGN_DEPARTMENTS = "assignDepartments";
  static final String SIGN_FOR = "signFor";
  static final String DRAFT_REPLY = "draftReply";
  static final String REVIEW_DRAFT = "reviewDraft";
  static final String SIGN_OFF = "signOff";
  static final String GIVE_FEEDBACK = "giveFeedback";

  /** The template department: its code in the rows is replaced by each copy's. */
  static final String DEPARTMENT = "SCJG";

  /**
   * A proposal waiting at a task: the status and the lead department's assignment state that the
   * services wrote, and the engine's rows.
   */
  record Stage(String taskKey, String status, String assignmentState, EngineTemplate rows) {}

  private ShapeTemplates() {}

  /** Drives a new proposal of the session through its handling and keeps each stage. */
  static Map<String, Stage> drive(
      BenchApi api, JdbcTemplate jdbc, ManagementService jobs, String session) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", session);
    body.put("number", "T" + Instant.now().toEpochMilli());
    body.put("type", "SUGGESTION");
    body.put("title", "关于加强直播带货市场监督管理的建议");
    body.put("content", "建议提高准入门槛,加强直播广告和售后服务监管。");
    body.put("category", "市场监管");
    body.put("proposer", "金淼");
    body.put("proposerUsername", "deputy.jinmiao");
    body.put("delegation", "昌图县");
    body.put("submittedAt", "2024-01-08");
    long id = api.send("registrar", "POST", "/api/v1/proposals", body, 201).get("id").asLong();
    Map<String, Stage> stages = new LinkedHashMap<>();
    keep(stages, jdbc, id, REVIEW_ACCEPTANCE);
    api.complete("registrar", id, REVIEW_ACCEPTANCE, Map.of("decision", "ACCEPT"));
    keep(stages, jdbc, id, ASSIGN_DEPARTMENTS);
    api.complete(
        "registrar",
        id,
        ASSIGN_DEPARTMENTS,
        Map.of("mode", "LEAD_CO", "lead", DEPARTMENT, "co", List.of()));
    keep(stages, jdbc, id, SIGN_FOR);
    api.complete("scjg.handler", id, SIGN_FOR, Map.of("decision", "ACCEPT"));
    keep(stages, jdbc, id, DRAFT_REPLY);
    api.complete(
        "scjg.handler",
        id,
        DRAFT_REPLY,
        Map.of(
            "replyText", "金淼代表:您提出的建议收悉。我局开展了联合监管,检查主播账号300余个。",
            "category", "A",
            "contactMethod", "PHONE",
            "contactNote", "电话沟通",
            "disclosure", "PUBLIC"));
    keep(stages, jdbc, id, REVIEW_DRAFT);
    api.complete("scjg.reviewer", id, REVIEW_DRAFT, Map.of("decision", "APPROVE"));
    keep(stages, jdbc, id, SIGN_OFF);
    api.complete("scjg.leader", id, SIGN_OFF, Map.of("decision", "APPROVE"));
    runJobs(jdbc, jobs, id);
    keep(stages, jdbc, id, GIVE_FEEDBACK);
    return stages;
  }

  /** Runs the proposal's jobs that are due (sending and publishing the reply) until none is. */
  private static void runJobs(JdbcTemplate jdbc, ManagementService jobs, long id) {
    for (int round = 0; round < 20; round++) {
      List<String> due =
          jdbc.queryForList(
              "SELECT j.ID_ FROM ACT_RU_JOB j JOIN ACT_HI_PROCINST p ON p.ID_ = j.PROCESS_INSTANCE_ID_"
                  + " WHERE p.BUSINESS_KEY_ = ? AND (j.DUEDATE_ IS NULL OR j.DUEDATE_ <= ?)"
                  + " AND j.RETRIES_ > 0",
              String.class,
              String.valueOf(id),
              java.sql.Timestamp.from(Instant.now()));
      if (due.isEmpty()) {
        return;
      }
      due.forEach(jobs::executeJob);
    }
  }

  private static void keep(Map<String, Stage> stages, JdbcTemplate jdbc, long id, String key) {
    Integer open =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_"
                + " WHERE p.BUSINESS_KEY_ = ? AND t.TASK_DEF_KEY_ = ?",
            Integer.class,
            String.valueOf(id),
            key);
    if (open == null || open != 1) {
      throw new IllegalStateException("the template proposal " + id + " is not at " + key);
    }
    String status =
        jdbc.queryForObject("SELECT status FROM cf_proposal WHERE id = ?", String.class, id);
    List<String> assignment =
        jdbc.queryForList(
            "SELECT state FROM cf_assignment WHERE proposal_id = ? AND department_code = ?",
            String.class,
            id,
            DEPARTMENT);
    stages.put(
        key,
        new Stage(
            key,
            status,
            assignment.isEmpty() ? null : assignment.get(0),
            EngineTemplate.capture(jdbc, id, DEPARTMENT)));
  }
}
