package org.civicflow.portal.bench;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a generated proposal's Camunda rows are what the engine wrote for a real proposal at the
 * same task: the same tables, the same number of rows, and in every row the same values — except
 * ids (any UUID), the proposal's own id, its department and the times (and durations). Returns the
 * differences, each naming the table and the column.
 */
final class CopyFidelity {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private CopyFidelity() {}

  static List<String> differences(
      JdbcTemplate jdbc, ShapeTemplates.Stage real, long copyId, String copyDepartment) {
    EngineTemplate copy = EngineTemplate.capture(jdbc, copyId, copyDepartment);
    List<String> out = new ArrayList<>();
    for (int t = 0; t < real.rows().rows.size(); t++) {
      EngineTemplate.Rows a = real.rows().rows.get(t);
      EngineTemplate.Rows b = copy.rows.get(t);
      Map<String, Integer> left = signatures(a, real.rows());
      Map<String, Integer> right = signatures(b, copy);
      if (!left.equals(right)) {
        out.add(
            a.table()
                + " of proposal "
                + copyId
                + " at "
                + real.taskKey()
                + ": the engine wrote "
                + only(left, right)
                + ", the copy has "
                + only(right, left)
                + " (columns "
                + a.columns()
                + ")");
      }
    }
    return out;
  }

  /** The rows as texts with ids, the proposal, the department and times blanked; and how many. */
  private static Map<String, Integer> signatures(EngineTemplate.Rows rows, EngineTemplate of) {
    Map<String, Integer> all = new TreeMap<>();
    for (Object[] row : rows.values()) {
      String[] shown = new String[row.length];
      for (int i = 0; i < row.length; i++) {
        shown[i] = blank(rows.columns().get(i), row[i], of);
      }
      all.merge(String.join(" | ", shown), 1, Integer::sum);
    }
    return all;
  }

  /**
   * A value as compared: an id of the proposal's own rows is "(id)" (inside a longer id too, as in
   * {@code signFor:<uuid>}), an id of anything else "(other id)" — a copy must not point into the
   * template.
   */
  private static String blank(String column, Object v, EngineTemplate of) {
    long proposalId = of.proposalId;
    String department = of.department;
    if (v == null) {
      return "null";
    }
    if (v instanceof Date || v instanceof Temporal || column.equals("DURATION_")) {
      return "(time)";
    }
    if (v instanceof byte[] bytes) {
      return "bytes:" + Arrays.hashCode(bytes);
    }
    // the proposal's id stands in the business key and in the proposalId variable, nowhere else
    boolean mayHoldProposal =
        column.equals("BUSINESS_KEY_") || column.equals("LONG_") || column.equals("TEXT_");
    if (mayHoldProposal && v instanceof Number n && n.longValue() == proposalId) {
      return "(proposal)";
    }
    String s = v.toString();
    if (UUID.matcher(s).find()) {
      return UUID.matcher(s)
          .replaceAll(m -> of.ownsId(m.group()) ? "(id)" : "(other id)")
          .replace(department + "-", "(department)-");
    }
    if (mayHoldProposal && s.equals(String.valueOf(proposalId))) {
      return "(proposal)";
    }
    if (s.equals(department) || s.startsWith(department + "-")) {
      return "(department)" + s.substring(department.length());
    }
    return s;
  }

  private static List<String> only(Map<String, Integer> a, Map<String, Integer> b) {
    List<String> out = new ArrayList<>();
    a.forEach(
        (k, n) -> {
          if (!n.equals(b.get(k))) {
            out.add(n + " × [" + k + "]");
          }
        });
    return out;
  }
}
