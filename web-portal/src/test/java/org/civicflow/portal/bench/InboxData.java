package org.civicflow.portal.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox benchmarks' proposals: {@code target} proposals of the session {@link #SESSION} in a
 * mix of states (docs/performance.md, "Inbox data").
 *
 * <p>A proposal with an open task is a copy of a real one: {@link ShapeTemplates} drives one
 * proposal through the engine and keeps the Camunda rows it has at each task (runtime and the
 * history the pages read), and each copy is those rows with new ids, its own proposal id and
 * department, and its own task dates ({@link EngineTemplate}) — the rows the engine itself writes,
 * so that reading them changes nothing. A closed proposal has no runtime rows; its history is
 * written directly (instance, activities, tasks: ten rows), as the inbox and the pages read it.
 */
final class InboxData {

  static final String SESSION = "收件箱基准会议";
  static final String[] DEPARTMENTS = {"SCJG", "SWJ", "WXB", "GAJ", "JYJ"};

  /** A proposal's state: its open task (none when closed) and its share of the mix. */
  record Shape(String taskKey, int weight) {}

  static final Shape[] SHAPES = {
    new Shape(ShapeTemplates.REVIEW_ACCEPTANCE, 4),
    new Shape(ShapeTemplates.ASSIGN_DEPARTMENTS, 4),
    new Shape(ShapeTemplates.SIGN_FOR, 12),
    new Shape(ShapeTemplates.DRAFT_REPLY, 18),
    new Shape(ShapeTemplates.REVIEW_DRAFT, 5),
    new Shape(ShapeTemplates.SIGN_OFF, 2),
    new Shape(ShapeTemplates.GIVE_FEEDBACK, 5),
    new Shape(null, 50),
  };

  private final JdbcTemplate jdbc;
  private final int target;
  private final Supplier<Map<String, ShapeTemplates.Stage>> templates;

  /**
   * @param templates the real proposal's stages, asked for only when proposals are to be made
   */
  InboxData(JdbcTemplate jdbc, int target, Supplier<Map<String, ShapeTemplates.Stage>> templates) {
    this.jdbc = jdbc;
    this.target = target;
    this.templates = templates;
  }

  static void ensureSession(JdbcTemplate jdbc) {
    jdbc.update(
        "INSERT INTO cf_session (name, kind, opens_on, active) SELECT ?, 'NPC', DATE '2024-01-06', TRUE"
            + " FROM cf_department WHERE code = 'SCJG' AND NOT EXISTS (SELECT 1 FROM cf_session WHERE name = ?)",
        SESSION,
        SESSION);
  }

  /** Adds proposals until the session holds {@code target}; returns how many were made. */
  int generate() {
    ensureSession(jdbc);
    long sessionId =
        jdbc.queryForObject("SELECT id FROM cf_session WHERE name = ?", Long.class, SESSION);
    long existing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cf_proposal WHERE session_id = ?", Long.class, sessionId);
    if (existing >= target) {
      return 0;
    }
    Map<String, ShapeTemplates.Stage> stages = templates.get();
    String proposalDef = definition("proposalHandling");
    int weights = Arrays.stream(SHAPES).mapToInt(Shape::weight).sum();
    Random r = new Random(existing);
    Instant first = Instant.parse("2024-01-10T02:00:00Z");
    long now = System.currentTimeMillis();
    int toMake = (int) (target - existing);
    int batch = 1000;
    for (int done = 0; done < toMake; done += batch) {
      int n = Math.min(batch, toMake - done);
      long base =
          jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM cf_proposal", Long.class) + 1;
      List<Object[]> proposals = new ArrayList<>();
      List<Object[]> assignments = new ArrayList<>();
      List<Object[]> hiProc = new ArrayList<>();
      List<Object[]> hiAct = new ArrayList<>();
      List<Object[]> hiTask = new ArrayList<>();
      Map<String, List<Object[]>> engineRows = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        long id = base + i;
        Shape shape = pick(r, weights);
        String dept = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
        Timestamp submitted = Timestamp.from(first.plusSeconds((long) (done + i) * 600));
        String pi;
        String status;
        String assignment;
        if (shape.taskKey() != null) {
          ShapeTemplates.Stage stage = stages.get(shape.taskKey());
          Map<String, String> ids = stage.rows().newIds();
          pi = stage.rows().root(ids);
          status = stage.status();
          assignment = stage.assignmentState();
          Timestamp created = new Timestamp(now - r.nextInt(60) * 86_400_000L);
          Timestamp due = new Timestamp(created.getTime() + (r.nextInt(90) - 20) * 86_400_000L);
          // before the assignment the rows name no department of the proposal's own (only the
          // suggested lead, which stays the template's)
          if (assignment == null) {
            dept = ShapeTemplates.DEPARTMENT;
          }
          stage.rows().copy(ids, id, dept, engineRows, created, due);
        } else {
          pi = UUID.randomUUID().toString();
          status = "CLOSED";
          assignment = "COMPLETED";
          closedHistory(pi, id, proposalDef, submitted, hiProc, hiAct, hiTask);
        }
        proposals.add(
            new Object[] {
              id,
              sessionId,
              "I" + id,
              BenchData.title(r),
              BenchData.text(r, 3),
              "代表" + (id % 500),
              "代表团" + (id % 20),
              submitted,
              status,
              r.nextInt(10) == 0,
              pi
            });
        if (assignment != null) {
          assignments.add(new Object[] {id, dept, assignment, submitted});
        }
      }
      insert(
          "cf_proposal",
          "id, session_id, number, type, title, content, proposer, delegation, submitted_at, status, key_item, process_instance_id, registered_by, registered_at, updated_at, version",
          "?, ?, ?, 'SUGGESTION', ?, ?, ?, ?, ?, ?, ?, ?, 'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0",
          proposals);
      insert(
          "cf_assignment",
          "proposal_id, department_code, role, state, round, due_date, sign_for_due_date, assigned_at, assigned_by, extension_count, version",
          "?, ?, 'LEAD', ?, 1, DATE '2025-06-30', DATE '2025-01-10', ?, 'bench', 0, 0",
          assignments);
      insert(
          "ACT_HI_PROCINST",
          "ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, STATE_, ROOT_PROC_INST_ID_",
          "?, ?, ?, ?, ?, ?, ?, ?, ?",
          hiProc);
      insert(
          "ACT_HI_ACTINST",
          "ID_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, ROOT_PROC_INST_ID_",
          "?, ?, ?, ?, ?, ?, ?, ?, ?",
          hiAct);
      insert(
          "ACT_HI_TASKINST",
          "ID_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, TASK_DEF_KEY_, NAME_, START_TIME_, END_TIME_, ROOT_PROC_INST_ID_",
          "?, ?, ?, ?, ?, ?, ?, ?, ?",
          hiTask);
      for (EngineTemplate.Rows table : stages.values().iterator().next().rows().rows) {
        List<Object[]> rows = engineRows.getOrDefault(table.table(), List.of());
        insert(
            table.table(),
            String.join(", ", table.columns()),
            String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?")),
            rows);
      }
    }
    return toMake;
  }

  private static Shape pick(Random r, int weights) {
    int pick = r.nextInt(weights);
    for (Shape s : SHAPES) {
      if (pick < s.weight()) {
        return s;
      }
      pick -= s.weight();
    }
    return SHAPES[0];
  }

  /** A closed proposal's history: its instance, seven activities and two tasks. */
  private static void closedHistory(
      String pi,
      long id,
      String def,
      Timestamp submitted,
      List<Object[]> hiProc,
      List<Object[]> hiAct,
      List<Object[]> hiTask) {
    Timestamp end = new Timestamp(submitted.getTime() + 90L * 86_400_000L);
    hiProc.add(
        new Object[] {
          pi,
          pi,
          String.valueOf(id),
          def.substring(0, def.indexOf(':')),
          def,
          submitted,
          end,
          "COMPLETED",
          pi
        });
    String[] acts = {
      "proposalSubmitted",
      "reviewAcceptance",
      "recordAcceptance",
      "suggestLeadDepartment",
      "assignDepartments",
      "determineDeadline",
      "recordAssignment"
    };
    for (int a = 0; a < acts.length; a++) {
      Timestamp at = new Timestamp(submitted.getTime() + a * 3_600_000L);
      hiAct.add(
          new Object[] {
            UUID.randomUUID().toString(),
            def,
            pi,
            pi,
            acts[a],
            a == 0 ? "startEvent" : a == 1 || a == 4 ? "userTask" : "serviceTask",
            at,
            at,
            pi
          });
    }
    for (String k : new String[] {"reviewAcceptance", "assignDepartments"}) {
      hiTask.add(
          new Object[] {UUID.randomUUID().toString(), def, pi, pi, k, k, submitted, submitted, pi});
    }
  }

  private String definition(String key) {
    return jdbc.queryForObject(
        "SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = ? ORDER BY VERSION_ DESC LIMIT 1",
        String.class,
        key);
  }

  /** Multi-row INSERTs of up to 500 rows each (portable, and far fewer round trips). */
  private void insert(String table, String columns, String values, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += 500) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
      StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (" + columns + ") VALUES ");
      List<Object> args = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append('(').append(values).append(')');
        args.addAll(Arrays.asList(chunk.get(i)));
      }
      jdbc.update(sql.toString(), args.toArray());
    }
  }
}
