package org.civicflow.domain.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The commitments of the sent replies of a session (or of one department in it), each counted once
 * by where it stands (a dropped one is not counted).
 *
 * @param made every commitment of a sent, not voided reply
 * @param keptOnTime kept on or before its due date (the city's date of the supplementary reply)
 * @param keptLate kept after its due date
 * @param open not kept, its date not passed
 * @param overdue not kept, its date passed (supervised by the registrar)
 */
public record CommitmentCounts(long made, long keptOnTime, long keptLate, long open, long overdue) {

  static CommitmentCounts of(
      List<StatisticsRows.CommitmentRow> rows, LocalDate today, ZoneId zone) {
    long made = 0;
    long onTime = 0;
    long late = 0;
    long open = 0;
    long overdue = 0;
    for (StatisticsRows.CommitmentRow r : rows) {
      switch (r.state) {
        case "KEPT" -> {
          made++;
          if (r.keptAt != null && !r.keptAt.atZone(zone).toLocalDate().isAfter(r.dueDate)) {
            onTime++;
          } else {
            late++;
          }
        }
        case "OPEN", "OVERDUE" -> {
          made++;
          if (isOverdue(r, today)) {
            overdue++;
          } else {
            open++;
          }
        }
        default -> {}
      }
    }
    return new CommitmentCounts(made, onTime, late, open, overdue);
  }

  static boolean isOverdue(StatisticsRows.CommitmentRow r, LocalDate today) {
    return "OVERDUE".equals(r.state) || "OPEN".equals(r.state) && r.dueDate.isBefore(today);
  }

  /** 承诺兑现率: kept (on time or late) out of those made. */
  public Rate keptRate() {
    return Rate.of(keptOnTime + keptLate, made);
  }
}
