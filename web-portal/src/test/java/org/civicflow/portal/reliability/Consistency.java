package org.civicflow.portal.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civicflow.portal.reliability.ActionLog.Action;

/**
 * Checks the database against what the clients were told and against itself, from one consistent
 * snapshot:
 *
 * <ul>
 *   <li>every acknowledged action is there (the proposal it registered, the task it completed);
 *   <li>domain state and process state agree for every proposal: a final status ⇔ an ended process;
 *       each open task is one that the status and the department's assignment allow, and each
 *       unfinished proposal has an open task or a job that moves it on; the domain rows that each
 *       step writes (drafts, decisions, opinions, ratings) are as many as the completed tasks;
 *   <li>nothing happened twice: one publication per signed draft, sent and published once (history
 *       and audit), each reminder and sent reply told once to each of its recipients, one outbox
 *       message per notice and channel, no message handed to the mail server twice.
 * </ul>
 */
final class Consistency {

  /** Which open tasks each proposal status allows (rules 1–9 of the product description). */
  static final Map<String, Set<String>> TASKS_BY_STATUS =
      Map.of(
          "REGISTERED", Set.of("reviewAcceptance"),
          "ASSIGNING", Set.of("assignDepartments", "decideReassignment"),
          "HANDLING",
              Set.of(
                  "signFor",
                  "decideReassignment",
                  "coHandlingOpinion",
                  "draftReply",
                  "decideExtension",
                  "superviseOverdue"),
          "IN_REVIEW",
              Set.of(
                  "coHandlingOpinion",
                  "reviewDraft",
                  "signOff",
                  "decideExtension",
                  "superviseOverdue"),
          "REPLIED", Set.of("confirmNonDisclosure"),
          "AWAITING_FEEDBACK", Set.of("giveFeedback"),
          "REHANDLING", Set.of("draftReply", "decideExtension", "superviseOverdue"));

  /** What a department's replying assignment at each stage needs open (besides a job). */
  static final Map<String, Set<String>> TASKS_BY_STAGE =
      Map.of(
          "DRAFTING", Set.of("draftReply", "signFor"),
          "IN_REVIEW", Set.of("reviewDraft", "signOff", "coHandlingOpinion"),
          "REPLIED", Set.of("confirmNonDisclosure"),
          "AWAITING_FEEDBACK", Set.of("giveFeedback"));

  /** The figures of one check. */
  record Report(
      List<String> problems,
      int proposals,
      int acknowledged,
      long publications,
      long notifications,
      long outboxMessages,
      long mailsReceived,
      long mailsResent,
      long leasedByDeadNode) {

    String summary() {
      return String.format(
          Locale.ROOT,
          "%d proposals, %d acknowledged actions checked, %d publications, %d notices, %d outbox"
              + " messages (%d still leased by a killed node), %d mails received (%d of them again after a"
              + " kill, same Message-ID), %d problems",
          proposals,
          acknowledged,
          publications,
          notifications,
          outboxMessages,
          leasedByDeadNode,
          mailsReceived,
          mailsResent,
          problems.size());
    }
  }

  /**
   * The process instances of one proposal (parameters: its process instance twice): its own and the
   * departments' that it called. Camunda leaves ROOT_PROC_INST_ID_ empty on some jobs (async
   * continuations created in a called instance), so the tree comes from the history's parent links.
   */
  static final String TREE =
      "(SELECT h.PROC_INST_ID_ FROM ACT_HI_PROCINST h"
          + " WHERE h.PROC_INST_ID_ = ? OR h.SUPER_PROCESS_INSTANCE_ID_ = ?)";

  /** The process instances of all proposals of a run (parameter: the number prefix + %). */
  static final String RUN_TREE =
      "(SELECT h.PROC_INST_ID_ FROM ACT_HI_PROCINST h JOIN cf_proposal p"
          + " ON h.PROC_INST_ID_ = p.process_instance_id"
          + " OR h.SUPER_PROCESS_INSTANCE_ID_ = p.process_instance_id WHERE p.number LIKE ?)";

  private final Database db;
  private final String numberPrefix;

  /**
   * @param numberPrefix the proposals of this run: their numbers start with it
   */
  Consistency(Database db, String numberPrefix) {
    this.db = db;
    this.numberPrefix = numberPrefix;
  }

  /**
   * Checks everything.
   *
   * @param log what the clients did
   * @param mail what the mail server received, or null when none ran
   * @param settled whether the run is over (every job run, every message sent): then nothing may be
   *     left pending
   */
  Report check(ActionLog log, MailSink mail, boolean settled) {
    List<String> problems = new ArrayList<>();
    try (Database.Snapshot s = db.snapshot()) {
      List<Map<String, Object>> proposals =
          s.rows(
              "SELECT id, number, status, process_instance_id FROM cf_proposal"
                  + " WHERE number LIKE ? ORDER BY id",
              numberPrefix + "%");
      Map<Long, Map<String, Object>> byId = new HashMap<>();
      proposals.forEach(p -> byId.put(((Number) p.get("id")).longValue(), p));
      List<Action> acknowledged = log.acknowledged();
      acknowledgedActions(s, acknowledged, byId, problems);
      for (Map<String, Object> p : proposals) {
        proposal(s, p, problems);
      }
      if (s.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT") > 0) {
        s.rows("SELECT ACTIVITY_ID_, INCIDENT_MSG_ FROM ACT_RU_INCIDENT")
            .forEach(i -> problems.add("incident: " + i));
      }
      long[] mails = new long[2];
      long leased = outbox(s, mail, settled, problems, mails);
      if (settled) {
        long pending =
            s.count(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'async-continuation'"
                    + " AND PROCESS_INSTANCE_ID_ IN "
                    + RUN_TREE,
                numberPrefix + "%");
        if (pending > 0) {
          problems.add(pending + " async jobs of this run never ran");
        }
      }
      return new Report(
          problems,
          proposals.size(),
          acknowledged.size(),
          s.count(
              "SELECT COUNT(*) FROM cf_publication WHERE proposal_number LIKE ?",
              numberPrefix + "%"),
          s.count(
              "SELECT COUNT(*) FROM cf_notification WHERE proposal_number LIKE ?",
              numberPrefix + "%"),
          s.count(
              "SELECT COUNT(*) FROM cf_outbox o JOIN cf_notification n"
                  + " ON n.id = o.notification_id WHERE n.proposal_number LIKE ?",
              numberPrefix + "%"),
          mails[0],
          mails[1],
          leased);
    }
  }

  private void acknowledgedActions(
      Database.Snapshot s,
      List<Action> acknowledged,
      Map<Long, Map<String, Object>> proposals,
      List<String> problems) {
    for (Action a : acknowledged) {
      Map<String, Object> p = proposals.get(a.proposalId());
      switch (a.kind()) {
        case "register" -> {
          if (p == null) {
            problems.add("acknowledged registration of proposal " + a.proposalId() + " is lost");
          }
        }
        case "withdraw" -> {
          if (p == null || !"WITHDRAWN".equals(p.get("status"))) {
            problems.add("acknowledged withdrawal of proposal " + a.proposalId() + " is lost");
          }
        }
        case "complete" -> {
          List<Map<String, Object>> task =
              s.rows(
                  "SELECT END_TIME_, DELETE_REASON_ FROM ACT_HI_TASKINST WHERE ID_ = ?",
                  a.taskId());
          if (task.isEmpty()
              || task.get(0).get("end_time_") == null
              || !"completed".equals(task.get(0).get("delete_reason_"))) {
            problems.add(
                "acknowledged "
                    + a.key()
                    + " of proposal "
                    + a.proposalId()
                    + " by "
                    + a.user()
                    + " is not completed: "
                    + task);
          }
        }
        default -> problems.add("unknown action " + a);
      }
    }
  }

  private void proposal(Database.Snapshot s, Map<String, Object> p, List<String> problems) {
    long id = ((Number) p.get("id")).longValue();
    String status = (String) p.get("status");
    String root = (String) p.get("process_instance_id");
    String name = "proposal " + id + " (" + status + ")";
    if (root == null) {
      problems.add(name + " has no process");
      return;
    }
    boolean running =
        s.count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = ? AND PROC_INST_ID_ = ID_", root)
            > 0;
    boolean finalStatus = LifecycleDriver.FINAL.contains(status);
    if (finalStatus == running) {
      problems.add(name + (running ? ": final, but its process runs" : ": its process ended"));
    }
    // open tasks and the departments they are for (from the candidate group, e.g. SCJG-handler)
    List<Map<String, Object>> tasks =
        s.rows(
            "SELECT t.ID_ AS id, t.TASK_DEF_KEY_ AS task_key,"
                + " (SELECT MIN(l.GROUP_ID_) FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ = t.ID_"
                + "   AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ LIKE '%-%') AS grp"
                + " FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ IN "
                + TREE,
            root,
            root);
    Set<String> keys = new HashSet<>();
    Map<String, Set<String>> keysByDepartment = new HashMap<>();
    for (Map<String, Object> t : tasks) {
      String key = (String) t.get("task_key");
      keys.add(key);
      String grp = (String) t.get("grp");
      if (grp != null) {
        keysByDepartment
            .computeIfAbsent(grp.substring(0, grp.indexOf('-')), k -> new HashSet<>())
            .add(key);
      }
      if (!TASKS_BY_STATUS.getOrDefault(status, Set.of()).contains(key)) {
        problems.add(name + " has the task " + key + " open");
      }
    }
    long asyncJobs =
        s.count(
            "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN "
                + TREE
                + " AND HANDLER_TYPE_ = 'async-continuation'",
            root,
            root);
    if (!finalStatus && tasks.isEmpty() && asyncJobs == 0) {
      problems.add(
          name
              + " is stuck: no open task and no job moves it on; jobs of its processes: "
              + s.rows(
                  "SELECT j.HANDLER_TYPE_, j.HANDLER_CFG_, j.ROOT_PROC_INST_ID_, j.LOCK_OWNER_,"
                      + " j.RETRIES_, j.DUEDATE_ FROM ACT_RU_JOB j WHERE j.PROCESS_INSTANCE_ID_ IN "
                      + TREE,
                  root,
                  root)
              + "; executions: "
              + s.rows(
                  "SELECT ACT_ID_, IS_ACTIVE_, PROC_DEF_KEY_ FROM ACT_RU_EXECUTION"
                      + " WHERE PROC_INST_ID_ IN "
                      + TREE,
                  root,
                  root));
    }
    assignments(s, id, name, keys, keysByDepartment, asyncJobs, problems);
    stepsAgainstRows(s, id, root, name, problems);
    onceOnly(s, id, root, name, problems);
  }

  private static void assignments(
      Database.Snapshot s,
      long id,
      String name,
      Set<String> keys,
      Map<String, Set<String>> keysByDepartment,
      long asyncJobs,
      List<String> problems) {
    for (Map<String, Object> a :
        s.rows(
            "SELECT department_code, role, state, stage FROM cf_assignment WHERE proposal_id = ?",
            id)) {
      String dept = (String) a.get("department_code");
      String state = (String) a.get("state");
      String stage = (String) a.get("stage");
      Set<String> open = keysByDepartment.getOrDefault(dept, Set.of());
      String what = name + ", " + dept + " " + a.get("role") + " " + state + "/" + stage;
      if ("AWAITING_SIGN_FOR".equals(state) != open.contains("signFor")) {
        problems.add(what + ": sign-for task " + (open.contains("signFor") ? "open" : "missing"));
      }
      if ("SIGNED_FOR".equals(state) && stage != null && TASKS_BY_STAGE.containsKey(stage)) {
        // giveFeedback and confirmNonDisclosure are the registrar's or proposer's: any department
        Set<String> needed = TASKS_BY_STAGE.get(stage);
        boolean served =
            needed.stream().anyMatch(k -> open.contains(k) || anyDepartment(k, keys))
                || asyncJobs > 0;
        if (!served) {
          problems.add(what + ": none of " + needed + " is open and no job is due");
        }
      }
      if (open.contains("draftReply") && !"DRAFTING".equals(stage)) {
        problems.add(what + ": draftReply open");
      }
      if ((open.contains("reviewDraft") || open.contains("signOff"))
          && !"IN_REVIEW".equals(stage)) {
        problems.add(what + ": review open");
      }
    }
    if (keys.contains("giveFeedback")
        && s.count(
                "SELECT COUNT(*) FROM cf_assignment WHERE proposal_id = ?"
                    + " AND stage = 'AWAITING_FEEDBACK'",
                id)
            == 0) {
      problems.add(name + ": giveFeedback open but no department awaits feedback");
    }
    for (Map<String, Object> o :
        s.rows(
            "SELECT department_code FROM cf_co_opinion WHERE proposal_id = ? AND missing = FALSE",
            id)) {
      if (keysByDepartment
          .getOrDefault((String) o.get("department_code"), Set.of())
          .contains("coHandlingOpinion")) {
        problems.add(name + ": opinion of " + o.get("department_code") + " given, task open");
      }
    }
  }

  /**
   * Steps that wait on other departments (sign-for, co-handling opinions) or on people outside the
   * department (the proposer's rating, the registrar's confirmation) serve a department's stage
   * whoever's they are.
   */
  private static boolean anyDepartment(String key, Set<String> keys) {
    return Set.of("signFor", "coHandlingOpinion", "giveFeedback", "confirmNonDisclosure")
            .contains(key)
        && keys.contains(key);
  }

  /** Each completed step wrote its row, in the same transaction: as many rows as completions. */
  private static void stepsAgainstRows(
      Database.Snapshot s, long id, String root, String name, List<String> problems) {
    Map<String, Long> completed = new HashMap<>();
    for (Map<String, Object> r :
        s.rows(
            "SELECT TASK_DEF_KEY_ AS k, COUNT(*) AS n FROM ACT_HI_TASKINST"
                + " WHERE PROC_INST_ID_ IN "
                + TREE
                + " AND DELETE_REASON_ = 'completed' GROUP BY TASK_DEF_KEY_",
            root,
            root)) {
      completed.put((String) r.get("k"), ((Number) r.get("n")).longValue());
    }
    compare(
        name,
        "draftReply",
        completed,
        s.count("SELECT COUNT(*) FROM cf_reply_draft WHERE proposal_id = ?", id),
        problems);
    compare(
        name,
        "reviewDraft",
        completed,
        s.count(
            "SELECT COUNT(*) FROM cf_draft_decision d JOIN cf_reply_draft r ON r.id = d.draft_id"
                + " WHERE r.proposal_id = ? AND d.stage = 'REVIEW'",
            id),
        problems);
    compare(
        name,
        "signOff",
        completed,
        s.count(
            "SELECT COUNT(*) FROM cf_draft_decision d JOIN cf_reply_draft r ON r.id = d.draft_id"
                + " WHERE r.proposal_id = ? AND d.stage = 'SIGN_OFF'",
            id),
        problems);
    compare(
        name,
        "coHandlingOpinion",
        completed,
        s.count("SELECT COUNT(*) FROM cf_co_opinion WHERE proposal_id = ? AND missing = FALSE", id),
        problems);
    compare(
        name,
        "giveFeedback",
        completed,
        s.count(
            "SELECT COUNT(*) FROM cf_feedback WHERE proposal_id = ? AND given_by IS NOT NULL", id),
        problems);
    compare(
        name,
        "signFor",
        completed,
        s.count(
            "SELECT COUNT(*) FROM cf_assignment WHERE proposal_id = ? AND signed_for_at IS NOT NULL",
            id),
        problems);
    long approved =
        s.count(
            "SELECT COUNT(*) FROM cf_draft_decision d JOIN cf_reply_draft r ON r.id = d.draft_id"
                + " WHERE r.proposal_id = ? AND d.stage = 'SIGN_OFF' AND d.decision = 'APPROVE'",
            id);
    long publications = s.count("SELECT COUNT(*) FROM cf_publication WHERE proposal_id = ?", id);
    if (approved != publications) {
      problems.add(name + ": " + approved + " sign-offs but " + publications + " publications");
    }
  }

  private static void compare(
      String name, String key, Map<String, Long> completed, long rows, List<String> problems) {
    long tasks = completed.getOrDefault(key, 0L);
    if (tasks != rows) {
      problems.add(name + ": " + tasks + " completed " + key + " tasks but " + rows + " rows");
    }
  }

  /** Sending, publishing, reminders and notices happened once each. */
  private static void onceOnly(
      Database.Snapshot s, long id, String root, String name, List<String> problems) {
    long replied =
        s.count(
            "SELECT COUNT(*) FROM cf_publication WHERE proposal_id = ? AND replied_at IS NOT NULL",
            id);
    long published =
        s.count(
            "SELECT COUNT(*) FROM cf_publication WHERE proposal_id = ? AND state = 'PUBLISHED'",
            id);
    long sendRuns = endedActivities(s, root, "sendReply");
    long publishRuns = endedActivities(s, root, "publishReply");
    long sendAudits = audits(s, id, "reply.send");
    long publishAudits = audits(s, id, "reply.publish");
    if (sendRuns != replied || sendAudits != replied) {
      problems.add(
          name
              + ": "
              + replied
              + " replies sent, but sendReply ran "
              + sendRuns
              + " times and the audit says "
              + sendAudits);
    }
    if (publishRuns != published || publishAudits != published) {
      problems.add(
          name
              + ": "
              + published
              + " published, but publishReply ran "
              + publishRuns
              + " times and the audit says "
              + publishAudits);
    }
    // the proposer is told of each sent reply once
    long replyNotices =
        s.count(
            "SELECT COUNT(*) FROM cf_notification WHERE proposal_id = ?"
                + " AND occurrence LIKE 'replySent:%'",
            id);
    if (replyNotices != replied) {
      problems.add(name + ": " + replied + " replies sent, " + replyNotices + " notices of it");
    }
    // each reminder that ran told its recipients once; each notice once per recipient
    long reminderRuns =
        endedActivities(s, root, "sendReminder1") + endedActivities(s, root, "sendReminder2");
    List<Map<String, Object>> occurrences =
        s.rows(
            "SELECT occurrence, department_code, COUNT(*) AS n, COUNT(DISTINCT recipient) AS d"
                + " FROM cf_notification WHERE proposal_id = ? AND occurrence LIKE 'approaching:%'"
                + " GROUP BY occurrence, department_code",
            id);
    if (occurrences.size() != reminderRuns) {
      problems.add(
          name
              + ": reminders ran "
              + reminderRuns
              + " times, "
              + occurrences.size()
              + " reminder occurrences notified");
    }
    for (Map<String, Object> o : occurrences) {
      long n = ((Number) o.get("n")).longValue();
      long expected =
          s.count(
              "SELECT COUNT(DISTINCT u.id) FROM cf_user u JOIN cf_user_role r ON r.user_id = u.id"
                  + " WHERE u.enabled = TRUE AND ((r.role = 'HANDLER' AND u.department_code = ?)"
                  + " OR r.role = 'REGISTRAR')",
              o.get("department_code"));
      if (n != ((Number) o.get("d")).longValue() || n != expected) {
        problems.add(
            name
                + ": reminder "
                + o.get("occurrence")
                + " told "
                + n
                + " times, "
                + expected
                + " recipients");
      }
    }
  }

  private static long endedActivities(Database.Snapshot s, String root, String activity) {
    return s.count(
        "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ IN "
            + TREE
            + " AND ACT_ID_ = ? AND END_TIME_ IS NOT NULL AND ACT_INST_STATE_ <> 2",
        root,
        root,
        activity);
  }

  private static long audits(Database.Snapshot s, long id, String action) {
    return s.count(
        "SELECT COUNT(*) FROM cf_audit_event WHERE object_type = 'proposal' AND object_id = ?"
            + " AND action = ?",
        String.valueOf(id),
        action);
  }

  /**
   * One message per notice and channel; sent, or leased by a node that was killed while sending;
   * none handed to the mail server twice. Returns how many are leased by a killed node.
   */
  private long outbox(
      Database.Snapshot s,
      MailSink mail,
      boolean settled,
      List<String> problems,
      long[] mailsReceived) {
    String mine =
        " FROM cf_outbox o JOIN cf_notification n ON n.id = o.notification_id"
            + " WHERE n.proposal_number LIKE ?";
    s.rows(
            "SELECT o.notification_id, o.channel, COUNT(*) AS c"
                + mine
                + " GROUP BY o.notification_id, o.channel HAVING COUNT(*) > 1",
            numberPrefix + "%")
        .forEach(r -> problems.add("outbox holds a message twice: " + r));
    long failed =
        s.count("SELECT COUNT(*)" + mine + " AND o.status = 'FAILED'", numberPrefix + "%");
    if (failed > 0) {
      problems.add(failed + " outbox messages FAILED");
    }
    long leased =
        s.count("SELECT COUNT(*)" + mine + " AND o.status = 'SENDING'", numberPrefix + "%");
    if (settled) {
      long pending =
          s.count("SELECT COUNT(*)" + mine + " AND o.status = 'PENDING'", numberPrefix + "%");
      if (pending > 0) {
        problems.add(pending + " outbox messages still pending");
      }
    }
    if (mail != null) {
      // A message is handed over once per claim. Only a sender that died between handing it over
      // and marking it sent lets the lease run out, and the next claim sends it again, with the
      // same Message-ID (at least once, never twice on one claim).
      Map<Long, Long> deliveries = mail.deliveriesByOutboxId();
      for (Map<String, Object> r :
          s.rows(
              "SELECT o.id, o.status, o.attempts" + mine + " AND o.channel = 'MAIL'",
              numberPrefix + "%")) {
        long outboxId = ((Number) r.get("id")).longValue();
        long attempts = ((Number) r.get("attempts")).longValue();
        long received = deliveries.getOrDefault(outboxId, 0L);
        mailsReceived[0] += received;
        if (received > 1) {
          mailsReceived[1] += received - 1;
        }
        if (received > attempts) {
          problems.add(
              "outbox message "
                  + outboxId
                  + " was received "
                  + received
                  + " times on "
                  + attempts
                  + " claims");
        }
        if (settled && "SENT".equals(r.get("status")) && received == 0) {
          problems.add("outbox message " + outboxId + " is SENT but never arrived");
        }
      }
    }
    return leased;
  }
}
