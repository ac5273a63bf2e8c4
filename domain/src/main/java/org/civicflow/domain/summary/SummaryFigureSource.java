package org.civicflow.domain.summary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.statistics.Count;
import org.civicflow.domain.statistics.Rate;
import org.civicflow.domain.statistics.SessionReport;
import org.civicflow.domain.statistics.SessionStatistics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the figures of a session's summary: those of the statistics as they stand ({@link
 * SessionStatistics}) and the new rates, each with the items it counts, so that every number can be
 * followed to, and recounted from, the proposals.
 */
@Component
public class SummaryFigureSource {

  private static final Set<String> MET = Set.of("MEETING", "VISIT");
  private static final Set<String> SATISFIED = Set.of("SATISFIED", "BASICALLY_SATISFIED");

  private final SessionStatistics statistics;
  private final SummaryMapper rows;
  private final HolidayCalendar calendar;

  SummaryFigureSource(SessionStatistics statistics, SummaryMapper rows, HolidayCalendar calendar) {
    this.statistics = statistics;
    this.rows = rows;
    this.calendar = calendar;
  }

  /** The figures of {@code session} as of now. */
  @Transactional(readOnly = true)
  public SummaryFigures figures(Session session) {
    SessionReport r = statistics.report(session);
    Map<String, List<SummaryItem>> items = new LinkedHashMap<>();
    List<SummaryRows.ProposalRow> proposals = rows.proposals(session.id());
    items.put(
        "total",
        proposals.stream().map(p -> SummaryItem.proposal(p.proposalId, p.number)).toList());
    List<Share> byType = byType(proposals, r.total(), items);
    List<SummaryRows.ReplyRow> replies = rows.replies(session.id());
    List<Share> byCategory = byReplyCategory(r.byReplyCategory(), replies, items);
    Rate replyRate = replyRate(rows.replyingAssignments(session.id()), items);
    Rate meetingRate = meetingRate(replies, items);
    List<SummaryRows.RatingRow> ratings = rows.ratings(session.id());
    Rate first = satisfaction("firstSatisfactionRate", ratings, x -> x.firstRating, items);
    satisfaction("satisfactionRate", ratings, x -> x.finalRating, items);
    commitmentItems(rows.commitments(session.id()), r.asOf(), calendar.zone(), items);
    items.put(
        "keyItems",
        r.keyItems().stream().map(k -> SummaryItem.proposal(k.proposalId(), k.number())).toList());
    return new SummaryFigures(
        r.sessionName(),
        r.sessionId(),
        r.asOf(),
        r.total(),
        byType,
        byCategory,
        r.byDepartment(),
        replyRate,
        r.onTimeRate(),
        meetingRate,
        r.satisfactionRate(),
        first,
        r.workSatisfactionRate(),
        SummaryCommitments.of(r.commitments()),
        r.keyItems(),
        items);
  }

  private static List<Share> byType(
      List<SummaryRows.ProposalRow> proposals, long total, Map<String, List<SummaryItem>> items) {
    Map<String, List<SummaryItem>> byType = new LinkedHashMap<>();
    byType.put("SUGGESTION", new ArrayList<>());
    byType.put("PROPOSAL", new ArrayList<>());
    for (SummaryRows.ProposalRow p : proposals) {
      byType
          .computeIfAbsent(p.type, k -> new ArrayList<>())
          .add(SummaryItem.proposal(p.proposalId, p.number));
    }
    List<Share> shares = new ArrayList<>();
    byType.forEach(
        (type, list) -> {
          shares.add(Share.of(type, list.size(), total));
          items.put("byType." + type, List.copyOf(list));
        });
    return shares;
  }

  /** The categories (and counts) of the statistics, whatever they are; the items by category. */
  private static List<Share> byReplyCategory(
      List<Count> counts,
      List<SummaryRows.ReplyRow> replies,
      Map<String, List<SummaryItem>> items) {
    long whole = counts.stream().mapToLong(Count::count).sum();
    List<Share> shares = new ArrayList<>();
    for (Count c : counts) {
      shares.add(Share.of(c.key(), c.count(), whole));
      items.put(
          "byReplyCategory." + c.key(),
          replies.stream()
              .filter(x -> c.key().equals(x.category))
              .map(SummaryFigureSource::item)
              .toList());
    }
    return shares;
  }

  private static Rate replyRate(
      List<SummaryRows.AssignmentRow> assignments, Map<String, List<SummaryItem>> items) {
    List<SummaryItem> all = new ArrayList<>();
    List<SummaryItem> replied = new ArrayList<>();
    for (SummaryRows.AssignmentRow a : assignments) {
      SummaryItem item =
          new SummaryItem(a.proposalId, a.number, a.departmentCode, a.departmentName, null);
      all.add(item);
      if (a.replied) {
        replied.add(item);
      }
    }
    items.put("replyRate", replied);
    items.put("replyRate.denominator", all);
    return Rate.of(replied.size(), all.size());
  }

  private static Rate meetingRate(
      List<SummaryRows.ReplyRow> replies, Map<String, List<SummaryItem>> items) {
    List<SummaryItem> met =
        replies.stream()
            .filter(x -> MET.contains(x.contactMethod))
            .map(SummaryFigureSource::item)
            .toList();
    items.put("meetingRate", met);
    items.put("meetingRate.denominator", replies.stream().map(SummaryFigureSource::item).toList());
    return Rate.of(met.size(), replies.size());
  }

  private static Rate satisfaction(
      String name,
      List<SummaryRows.RatingRow> ratings,
      java.util.function.Function<SummaryRows.RatingRow, String> rating,
      Map<String, List<SummaryItem>> items) {
    List<SummaryItem> rated = new ArrayList<>();
    List<SummaryItem> satisfied = new ArrayList<>();
    for (SummaryRows.RatingRow x : ratings) {
      String value = rating.apply(x);
      if (value == null) {
        continue;
      }
      SummaryItem item =
          new SummaryItem(x.proposalId, x.number, x.departmentCode, x.departmentName, null);
      rated.add(item);
      if (SATISFIED.contains(value)) {
        satisfied.add(item);
      }
    }
    items.put(name, satisfied);
    items.put(name + ".denominator", rated);
    return Rate.of(satisfied.size(), rated.size());
  }

  /**
   * The commitments by where they stand, as {@link
   * org.civicflow.domain.statistics.CommitmentCounts} counts them.
   */
  private static void commitmentItems(
      List<SummaryRows.CommitmentRow> commitments,
      LocalDate today,
      ZoneId zone,
      Map<String, List<SummaryItem>> items) {
    Map<String, List<SummaryItem>> by = new LinkedHashMap<>();
    for (String k : List.of("made", "keptOnTime", "keptLate", "open", "overdue")) {
      by.put(k, new ArrayList<>());
    }
    for (SummaryRows.CommitmentRow c : commitments) {
      String where = where(c, today, zone);
      if (where == null) {
        continue;
      }
      SummaryItem item =
          new SummaryItem(c.proposalId, c.number, c.departmentCode, c.departmentName, null);
      by.get("made").add(item);
      by.get(where).add(item);
    }
    by.forEach((k, list) -> items.put("commitments." + k, List.copyOf(list)));
  }

  private static String where(SummaryRows.CommitmentRow c, LocalDate today, ZoneId zone) {
    return switch (c.state) {
      case "KEPT" ->
          c.keptAt != null && !c.keptAt.atZone(zone).toLocalDate().isAfter(c.dueDate)
              ? "keptOnTime"
              : "keptLate";
      case "OVERDUE" -> "overdue";
      case "OPEN" -> c.dueDate.isBefore(today) ? "overdue" : "open";
      default -> null;
    };
  }

  private static SummaryItem item(SummaryRows.ReplyRow x) {
    return new SummaryItem(x.proposalId, x.number, x.departmentCode, x.departmentName, x.publicId);
  }
}
