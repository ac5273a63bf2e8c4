package org.civicflow.portal.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.civicflow.domain.statistics.Count;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.RatingCounts;
import org.civicflow.domain.statistics.SessionReport;
import org.civicflow.portal.web.CategoryLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the chart island draws, as JSON for a {@code data-chart} attribute (the portal's CSP allows
 * no inline script): {@code {kind: bar|pie, horizontal, stacked, labels: [..], series: [{name,
 * values}]}} with the labels already in the reader's language. Built from the same report as the
 * tables under each chart, so chart and table always show the same numbers.
 */
@Component
class StatsCharts {

  /** One chart: its kind and its data. */
  record Chart(
      String kind, boolean horizontal, boolean stacked, List<String> labels, List<Series> series) {}

  /** One row of values, one per label. */
  record Series(String name, List<Long> values) {}

  private final MessageSource messages;
  private final ObjectMapper json;
  private final CategoryLabels categories;

  StatsCharts(MessageSource messages, ObjectMapper json, CategoryLabels categories) {
    this.messages = messages;
    this.json = json;
    this.categories = categories;
  }

  /** The charts of the page by name: status, departments, category, replyCategory, … */
  Map<String, String> of(SessionReport r, Locale locale) {
    Function<String, String> t = key -> messages.getMessage(key, new Object[0], locale);
    Map<String, String> charts = new LinkedHashMap<>();
    charts.put(
        "status",
        write(
            counts(
                "bar",
                true,
                r.byStatus().stream().filter(c -> c.count() > 0).toList(),
                c -> t.apply("status." + c.key()),
                t.apply("stats.col.count"))));
    List<DepartmentFigures> d = r.byDepartment();
    charts.put(
        "departments",
        write(
            new Chart(
                "bar",
                false,
                false,
                d.stream().map(DepartmentFigures::name).toList(),
                List.of(
                    new Series(
                        t.apply("stats.col.assigned"),
                        d.stream().map(DepartmentFigures::assigned).toList()),
                    new Series(
                        t.apply("stats.col.replied"),
                        d.stream().map(DepartmentFigures::replied).toList()),
                    new Series(
                        t.apply("stats.col.onTime"),
                        d.stream().map(x -> x.onTime().numerator()).toList()),
                    new Series(
                        t.apply("stats.col.overdue"),
                        d.stream().map(DepartmentFigures::overdue).toList())))));
    Function<Count, String> orNone = c -> c.key() == null ? t.apply("stats.unspecified") : c.key();
    charts.put(
        "category",
        write(counts("pie", false, r.byCategory(), orNone, t.apply("stats.col.count"))));
    charts.put(
        "replyCategory",
        write(
            counts(
                "pie",
                false,
                r.byReplyCategory(),
                c -> categories.label(c.key(), locale),
                t.apply("stats.col.count"))));
    charts.put(
        "delegation",
        write(counts("bar", true, r.byDelegation(), orNone, t.apply("stats.col.count"))));
    charts.put(
        "ratings",
        write(
            new Chart(
                "bar",
                true,
                true,
                List.of(t.apply("stats.ratings.result"), t.apply("stats.ratings.work")),
                List.of(
                    ratingSeries(t.apply("choice.rating.SATISFIED"), r, RatingCounts::satisfied),
                    ratingSeries(
                        t.apply("choice.rating.BASICALLY_SATISFIED"),
                        r,
                        RatingCounts::basicallySatisfied),
                    ratingSeries(
                        t.apply("choice.rating.UNSATISFIED"), r, RatingCounts::unsatisfied)))));
    return charts;
  }

  private static Series ratingSeries(
      String name, SessionReport r, Function<RatingCounts, Long> part) {
    return new Series(name, List.of(part.apply(r.resultRatings()), part.apply(r.workRatings())));
  }

  private static Chart counts(
      String kind,
      boolean horizontal,
      List<Count> counts,
      Function<Count, String> label,
      String seriesName) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (Count c : counts) {
      labels.add(label.apply(c));
      values.add(c.count());
    }
    return new Chart(kind, horizontal, false, labels, List.of(new Series(seriesName, values)));
  }

  private String write(Chart chart) {
    try {
      return json.writeValueAsString(chart);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
