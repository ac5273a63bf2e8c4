package org.civicflow.portal.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.rowset.SqlRowSet;

/**
 * The Camunda rows of one real proposal — its main process instance and the instances it called (a
 * department's handling), runtime and history, as the engine wrote them — to be copied for
 * generated proposals: every row again with new ids, the copy's proposal id where the template's
 * stood (business key, {@code proposalId} variable) and the copy's department where the template's
 * stood (candidate groups, {@code department} variable). The copies are then exactly what the
 * engine writes, column for column (revision, suspension state, cached entity state, sequence
 * counters, parent and super executions, variables, event subscriptions, timer jobs…), which is
 * what a page reading them expects.
 */
final class EngineTemplate {

  /** One table's rows of the template: the column names and the values of each row. */
  record Rows(String table, List<String> columns, List<Object[]> values) {}

  /**
   * The tables copied and how their rows of one proposal are found ({@code :root} the main
   * instance, {@code :instances} all its instances). Runtime rows are copied whole; of the history
   * the rows that the task and proposal pages read (instances, activities, tasks, variables).
   */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    // in an order that inserts what a row refers to before the row (the engine's foreign keys)
    TABLES.put("ACT_RU_EXECUTION", "PROC_INST_ID_ IN (:instances)");
    TABLES.put("ACT_RU_TASK", "PROC_INST_ID_ IN (:instances)");
    TABLES.put(
        "ACT_RU_IDENTITYLINK",
        "TASK_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (:instances))");
    TABLES.put(
        "ACT_GE_BYTEARRAY",
        "ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ IN (:instances))");
    TABLES.put("ACT_RU_VARIABLE", "PROC_INST_ID_ IN (:instances)");
    TABLES.put("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_ IN (:instances)");
    TABLES.put("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ IN (:instances)");
    TABLES.put(
        "ACT_RU_AUTHORIZATION",
        "RESOURCE_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (:instances))"
            + " OR RESOURCE_ID_ IN (:instances)");
    TABLES.put("ACT_HI_PROCINST", "ROOT_PROC_INST_ID_ = :root");
    TABLES.put("ACT_HI_ACTINST", "PROC_INST_ID_ IN (:instances)");
    TABLES.put("ACT_HI_TASKINST", "PROC_INST_ID_ IN (:instances)");
    TABLES.put("ACT_HI_VARINST", "PROC_INST_ID_ IN (:instances)");
  }

  /** Columns whose values are never ids of the template (copied as they are). */
  private static final Set<String> VALUES =
      Set.of("NAME_", "TEXT2_", "DOUBLE_", "TYPE_", "ACT_ID_", "TASK_DEF_KEY_");

  final long proposalId;
  final String department;
  final List<Rows> rows;
  private final Set<String> ids;
  private final Set<String> uuids = new HashSet<>();

  private EngineTemplate(long proposalId, String department, List<Rows> rows, Set<String> ids) {
    this.proposalId = proposalId;
    this.department = department;
    this.rows = rows;
    this.ids = ids;
    ids.forEach(id -> uuids.add(id.substring(id.lastIndexOf(':') + 1)));
  }

  /** Reads the rows of the proposal's process instances. */
  static EngineTemplate capture(JdbcTemplate jdbc, long proposalId, String department) {
    String root =
        jdbc.queryForObject(
            "SELECT process_instance_id FROM cf_proposal WHERE id = ?", String.class, proposalId);
    List<String> instances =
        jdbc.queryForList(
            "SELECT ID_ FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ = ?", String.class, root);
    String in = String.join(", ", instances.stream().map(i -> "'" + i + "'").toList());
    List<Rows> all = new ArrayList<>();
    Set<String> ids = new HashSet<>(instances);
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      String where = t.getValue().replace(":root", "'" + root + "'").replace(":instances", in);
      SqlRowSet rs = jdbc.queryForRowSet("SELECT * FROM " + t.getKey() + " WHERE " + where);
      String[] names = rs.getMetaData().getColumnNames();
      List<String> columns = new ArrayList<>();
      for (String n : names) {
        columns.add(n.toUpperCase(java.util.Locale.ROOT));
      }
      List<Object[]> values = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
          row[i] = plain(rs.getObject(i + 1));
        }
        values.add(row);
        int id = columns.indexOf("ID_");
        if (id >= 0 && row[id] instanceof String s) {
          ids.add(s);
        }
      }
      if (t.getKey().equals("ACT_RU_EXECUTION")) {
        values = parentsFirst(columns, values);
      }
      all.add(new Rows(t.getKey(), columns, values));
    }
    return new EngineTemplate(proposalId, department, all, ids);
  }

  /** A value as it can be written again: large objects (H2 gives them as such) as their content. */
  private static Object plain(Object v) {
    try {
      if (v instanceof java.sql.Blob b) {
        return b.getBytes(1, (int) b.length());
      }
      if (v instanceof java.sql.Clob c) {
        return c.getSubString(1, (int) c.length());
      }
      return v;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Executions ordered so that each comes after its process instance, parent and super execution (a
   * multi-row insert checks the foreign keys row by row). Child executions of the engine carry no
   * root instance id: they are found by their process instance.
   */
  private static List<Object[]> parentsFirst(List<String> columns, List<Object[]> rows) {
    int id = columns.indexOf("ID_");
    int[] refs = {
      columns.indexOf("PROC_INST_ID_"),
      columns.indexOf("PARENT_ID_"),
      columns.indexOf("SUPER_EXEC_")
    };
    List<Object[]> ordered = new ArrayList<>();
    Set<Object> placed = new HashSet<>();
    List<Object[]> left = new ArrayList<>(rows);
    while (!left.isEmpty()) {
      int before = left.size();
      for (java.util.Iterator<Object[]> it = left.iterator(); it.hasNext(); ) {
        Object[] row = it.next();
        boolean ready = true;
        for (int ref : refs) {
          Object to = row[ref];
          boolean inTemplate = rows.stream().anyMatch(r -> r[id].equals(to));
          if (to != null && !to.equals(row[id]) && inTemplate && !placed.contains(to)) {
            ready = false;
          }
        }
        if (ready) {
          ordered.add(row);
          placed.add(row[id]);
          it.remove();
        }
      }
      if (left.size() == before) {
        throw new IllegalStateException("executions that refer to each other in a circle");
      }
    }
    return ordered;
  }

  /** The root instance's id in a copy: what {@code cf_proposal.process_instance_id} names. */
  String root(Map<String, String> newIds) {
    for (Rows r : rows) {
      if (r.table.equals("ACT_HI_PROCINST")) {
        int id = r.columns.indexOf("ID_");
        int root = r.columns.indexOf("ROOT_PROC_INST_ID_");
        for (Object[] v : r.values) {
          if (v[id].equals(v[root])) {
            return newIds.get((String) v[id]);
          }
        }
      }
    }
    throw new IllegalStateException("the template has no root instance");
  }

  /** Whether a UUID is (part of) the id of one of these rows. */
  boolean ownsId(String uuid) {
    return uuids.contains(uuid);
  }

  /**
   * Fresh ids for one copy: template id → new id. An id made of a prefix and a UUID (an activity
   * instance: {@code signFor:<uuid>}) keeps its prefix.
   */
  Map<String, String> newIds() {
    Map<String, String> map = new HashMap<>();
    for (String id : ids) {
      int colon = id.lastIndexOf(':');
      map.put(
          id,
          colon >= 0 && colon == id.length() - 37
              ? id.substring(0, colon + 1) + UUID.randomUUID()
              : UUID.randomUUID().toString());
    }
    return map;
  }

  /**
   * Adds one copy's rows to {@code out} (table → rows), for the proposal {@code copyId} handled by
   * {@code copyDepartment}; its open tasks were created at {@code created} and fall due at {@code
   * due} (at runtime and in their history).
   */
  void copy(
      Map<String, String> newIds,
      long copyId,
      String copyDepartment,
      Map<String, List<Object[]>> out,
      Object created,
      Object due) {
    String key = String.valueOf(proposalId);
    for (Rows r : rows) {
      List<Object[]> target = out.computeIfAbsent(r.table, t -> new ArrayList<>());
      int name = r.columns.indexOf("NAME_");
      for (Object[] v : r.values) {
        Object[] c = v.clone();
        boolean proposalVariable =
            name >= 0 && r.table.contains("VAR") && "proposalId".equals(v[name]);
        for (int i = 0; i < c.length; i++) {
          String column = r.columns.get(i);
          Object value = c[i];
          if (value instanceof String s) {
            if (newIds.containsKey(s)) {
              c[i] = newIds.get(s);
            } else if (column.equals("BUSINESS_KEY_") && s.equals(key)) {
              c[i] = String.valueOf(copyId);
            } else if (!VALUES.contains(column)) {
              c[i] = departmentOf(s, copyDepartment, proposalVariable, key, copyId);
            }
          } else if (proposalVariable
              && column.equals("LONG_")
              && value instanceof Number n
              && n.longValue() == proposalId) {
            c[i] = copyId;
          }
        }
        if (r.table.equals("ACT_RU_TASK")
            || r.table.equals("ACT_HI_TASKINST") && v[r.columns.indexOf("END_TIME_")] == null) {
          c[r.columns.indexOf(r.table.equals("ACT_RU_TASK") ? "CREATE_TIME_" : "START_TIME_")] =
              created;
          c[r.columns.indexOf("DUE_DATE_")] = due;
        }
        target.add(c);
      }
    }
  }

  /**
   * A text of the template with its department (and, in its proposal's id variable, id) swapped.
   */
  private String departmentOf(
      String s, String copyDepartment, boolean proposalVariable, String key, long copyId) {
    if (s.equals(department)) {
      return copyDepartment;
    }
    if (s.startsWith(department + "-")) {
      return copyDepartment + s.substring(department.length());
    }
    if (proposalVariable && s.equals(key)) {
      return String.valueOf(copyId);
    }
    return s;
  }
}
