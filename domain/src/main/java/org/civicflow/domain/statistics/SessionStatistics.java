package org.civicflow.domain.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.proposal.ProposalStatus;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics of a session ({@link SessionReport}; its Javadoc defines every figure). Read live
 * with a few aggregate queries on indexed columns, never cached, so the figures move as proposals
 * move. Who may see them is decided by the caller's layer (registrars and admins).
 */
@Service
public class SessionStatistics {

  private final StatisticsMapper statistics;
  private final SessionCatalog sessions;
  private final HolidayCalendar calendar;
  private final ResultCategorySet categories;

  SessionStatistics(
      StatisticsMapper statistics,
      SessionCatalog sessions,
      HolidayCalendar calendar,
      ResultCategorySet categories) {
    this.categories = categories;
    this.statistics = statistics;
    this.sessions = sessions;
    this.calendar = calendar;
  }

  /**
   * The session named by {@code session} (its name or its id); blank means the current session: the
   * one an administrator marked as current, else the latest active one, else the latest of all.
   *
   * @throws ValidationException naming {@code session} when there is no such session
   */
  @Transactional(readOnly = true)
  public Session session(String session) {
    if (session == null || session.isBlank()) {
      java.util.Optional<Session> marked = sessions.current();
      if (marked.isPresent()) {
        return marked.get();
      }
      List<Session> all = sessions.all();
      return all.stream()
          .filter(Session::active)
          .findFirst()
          .or(() -> all.stream().findFirst())
          .orElseThrow(() -> ValidationException.of("session", "validation.session.unknown"));
    }
    String s = session.strip();
    if (s.matches("\\d{1,18}")) {
      try {
        return sessions.get(Long.parseLong(s));
      } catch (NotFoundException e) {
        // not an id: it may still be a name made of digits
      }
    }
    return sessions
        .findByName(s)
        .orElseThrow(() -> ValidationException.of("session", "validation.session.unknown"));
  }

  /** The statistics of the session named by {@code session} (see {@link #session(String)}). */
  @Transactional(readOnly = true)
  public SessionReport report(String session) {
    return report(session(session));
  }

  /** The statistics of {@code session} as of today. */
  @Transactional(readOnly = true)
  public SessionReport report(Session session) {
    long id = session.id();
    LocalDate today = calendar.today();
    List<Count> byStatus = byStatus(statistics.countByStatus(id));
    long total = byStatus.stream().mapToLong(Count::count).sum();
    Ratings ratings = Ratings.of(statistics.ratings(id));
    List<StatisticsRows.CommitmentRow> commitments = statistics.commitments(id);
    java.time.ZoneId zone = calendar.zone();
    List<DepartmentFigures> departments = new ArrayList<>();
    long onTime = 0;
    long due = 0;
    for (StatisticsRows.DepartmentRow d : statistics.departments(id, today)) {
      departments.add(
          new DepartmentFigures(
              d.code,
              d.name,
              d.assigned,
              d.replying,
              d.coHandling,
              d.openCount,
              d.replied,
              Rate.of(d.onTime, d.replied + d.lateUnreplied),
              d.overdue,
              ratings.work(d.code),
              ratings.result(d.code),
              CommitmentCounts.of(
                  commitments.stream().filter(c -> d.code.equals(c.departmentCode)).toList(),
                  today,
                  zone)));
      onTime += d.onTime;
      due += d.replied + d.lateUnreplied;
    }
    return new SessionReport(
        id,
        session.name(),
        today,
        total,
        byStatus,
        sorted(statistics.countByCategory(id)),
        sorted(statistics.countByDelegation(id)),
        byReplyCategory(statistics.countByReplyCategory(id)),
        departments,
        Rate.of(onTime, due),
        ratings.result().rate(),
        ratings.work().rate(),
        ratings.work(),
        ratings.result(),
        ratings.unrated(),
        overdue(id, today),
        keyItems(id, today),
        CommitmentCounts.of(commitments, today, zone),
        overdueCommitments(commitments, today));
  }

  private static List<Count> byStatus(List<StatisticsRows.KeyCount> rows) {
    Map<String, Long> found = new HashMap<>();
    rows.forEach(r -> found.put(r.bucket, r.n));
    List<Count> all = new ArrayList<>();
    for (ProposalStatus s : ProposalStatus.values()) {
      all.add(new Count(s.name(), found.getOrDefault(s.name(), 0L)));
    }
    return all;
  }

  /**
   * Every category of the set in use, in its order, zeros included; then every other code that
   * replies were signed with (a set in use earlier), in the order of the codes.
   */
  private List<Count> byReplyCategory(List<StatisticsRows.KeyCount> rows) {
    Map<String, Long> found = new LinkedHashMap<>();
    for (String c : categories.active().codes()) {
      found.put(c, 0L);
    }
    rows.stream()
        .sorted(
            Comparator.comparing(r -> r.bucket, Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(r -> found.merge(r.bucket, r.n, Long::sum));
    return found.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  /** Largest first; items without a value last; ties by value. */
  private static List<Count> sorted(List<StatisticsRows.KeyCount> rows) {
    return rows.stream()
        .map(r -> new Count(r.bucket, r.n))
        .sorted(
            Comparator.comparing((Count c) -> c.key() == null)
                .thenComparing(Count::count, Comparator.reverseOrder())
                .thenComparing(Count::key, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /**
   * One department's items still being worked on in {@code session}, the earliest deadline first;
   * {@link OverdueItem#daysOverdue()} is negative for the days still left.
   */
  @Transactional(readOnly = true)
  public List<OverdueItem> openOf(Session session, String department) {
    LocalDate today = calendar.today();
    return statistics.openOfDepartment(session.id(), department).stream()
        .map(
            r ->
                new OverdueItem(
                    r.proposalId,
                    r.number,
                    r.title,
                    r.keyItem,
                    r.departmentCode,
                    r.departmentName,
                    r.role,
                    r.dueDate,
                    r.dueDate == null ? 0 : ChronoUnit.DAYS.between(r.dueDate, today)))
        .toList();
  }

  private List<OverdueItem> overdue(long sessionId, LocalDate today) {
    return statistics.overdue(sessionId, today).stream()
        .map(
            r ->
                new OverdueItem(
                    r.proposalId,
                    r.number,
                    r.title,
                    r.keyItem,
                    r.departmentCode,
                    r.departmentName,
                    r.role,
                    r.dueDate,
                    Math.max(0, ChronoUnit.DAYS.between(r.dueDate, today))))
        .toList();
  }

  private static List<OverdueCommitment> overdueCommitments(
      List<StatisticsRows.CommitmentRow> commitments, LocalDate today) {
    return commitments.stream()
        .filter(c -> CommitmentCounts.isOverdue(c, today))
        .map(
            c ->
                new OverdueCommitment(
                    c.commitmentId,
                    c.proposalId,
                    c.number,
                    c.title,
                    c.departmentCode,
                    c.departmentName,
                    c.text,
                    c.dueDate,
                    Math.max(0, ChronoUnit.DAYS.between(c.dueDate, today))))
        .toList();
  }

  private List<KeyItem> keyItems(long sessionId, LocalDate today) {
    Map<Long, List<StatisticsRows.KeyAssignmentRow>> byProposal = new HashMap<>();
    for (StatisticsRows.KeyAssignmentRow a : statistics.keyAssignments(sessionId, today)) {
      byProposal.computeIfAbsent(a.proposalId, k -> new ArrayList<>()).add(a);
    }
    List<KeyItem> items = new ArrayList<>();
    for (StatisticsRows.KeyProposalRow p : statistics.keyProposals(sessionId)) {
      List<StatisticsRows.KeyAssignmentRow> assignments =
          byProposal.getOrDefault(p.proposalId, List.of());
      List<String> departments =
          assignments.stream()
              .sorted(Comparator.comparing(a -> "CO".equals(a.role)))
              .map(a -> a.departmentName)
              .distinct()
              .toList();
      List<StatisticsRows.KeyAssignmentRow> working =
          assignments.stream().filter(a -> a.isOpen && isWorking(a.stage)).toList();
      LocalDate due =
          working.stream().map(a -> a.dueDate).min(Comparator.naturalOrder()).orElse(null);
      boolean late = working.stream().anyMatch(a -> a.isPastDue);
      items.add(new KeyItem(p.proposalId, p.number, p.title, p.status, departments, due, late));
    }
    return items;
  }

  private static boolean isWorking(String stage) {
    return stage == null || "DRAFTING".equals(stage) || "IN_REVIEW".equals(stage);
  }
}
