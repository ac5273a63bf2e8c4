package org.civicflow.portal.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.portal.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Every number can be recomputed from the items it counts": the registrar generates and publishes
 * the demo session's summary over the API; then every figure of the public summary is recounted
 * from the proposal list and the proposal details of the API alone (what a journalist with the
 * registrar's access could do), and the items the summary names per figure are the items found.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class SummaryRecountIT {

  /**
   * The demo session as the demo loader made it: the shared test database also holds records other
   * suites tampered with on purpose (a reply moved to another proposal), which a summary counts as
   * the database says and the API shows as withheld.
   */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    OwnDatabase.register(registry, "summary");
  }

  static final String SESSION = "市九届人大一次会议";
  private static final Set<String> NOT_COUNTED = Set.of("RELEASED", "CANCELLED");

  @Autowired TestRestTemplate rest;
  @Autowired HolidayCalendar calendar;

  /** One department's reply to one proposal: the item of a reply's figures. */
  record Item(String number, String department) {}

  @Test
  void everyFigureOfThePublishedSummaryIsRecountedOverTheApi() {
    SummaryHttp http = new SummaryHttp(rest);
    Map<String, Object> draft =
        http.ok(http.post("registrar", "/api/v1/summaries", Map.of("session", SESSION)));
    long id = ((Number) draft.get("id")).longValue();
    http.ok(http.post("registrar", "/api/v1/summaries/" + id + "/publish", Map.of()));
    Map<String, Object> f =
        SummaryHttp.map(http.ok(http.get(null, "/api/v1/public/summaries/" + id)).get("figures"));
    Map<String, Object> items = SummaryHttp.map(f.get("items"));

    List<Map<String, Object>> details = new ArrayList<>();
    for (Map<String, Object> p : http.proposalsOf("registrar", num(draft.get("sessionId")))) {
      details.add(http.ok(http.get("registrar", "/api/v1/proposals/" + p.get("id"))));
    }
    assertThat(details).as("the demo session has proposals").isNotEmpty();
    LocalDate today = calendar.today();

    // total and by type
    assertThat(num(f.get("total"))).isEqualTo(details.size());
    assertThat(numbers(items.get("total")))
        .containsExactlyInAnyOrderElementsOf(
            details.stream().map(d -> (String) d.get("number")).toList());
    for (Map<String, Object> share : SummaryHttp.list(f.get("byType"))) {
      String type = (String) share.get("key");
      List<String> found =
          details.stream()
              .filter(d -> type.equals(d.get("type")))
              .map(d -> (String) d.get("number"))
              .toList();
      assertThat(num(share.get("count"))).as("byType %s", type).isEqualTo(found.size());
      assertThat(numbers(items.get("byType." + type))).containsExactlyInAnyOrderElementsOf(found);
    }

    // the replies: per department the latest sent reply and the draft it signed
    Map<String, List<Item>> byCategory = new TreeMap<>();
    List<Item> replies = new ArrayList<>();
    List<Item> met = new ArrayList<>();
    List<Item> replying = new ArrayList<>();
    List<Item> replied = new ArrayList<>();
    List<Item> firstRated = new ArrayList<>();
    List<Item> firstSatisfied = new ArrayList<>();
    List<Item> finalRated = new ArrayList<>();
    List<Item> finalSatisfied = new ArrayList<>();
    Map<String, long[]> commitments = new HashMap<>();
    for (String k : List.of("made", "keptOnTime", "keptLate", "open", "overdue", "kept")) {
      commitments.put(k, new long[1]);
    }
    Map<String, long[]> departments = new HashMap<>();
    for (Map<String, Object> d : details) {
      String number = (String) d.get("number");
      List<Map<String, Object>> publications = SummaryHttp.list(d.get("publications"));
      for (Map<String, Object> a : SummaryHttp.list(d.get("assignments"))) {
        if (NOT_COUNTED.contains(a.get("state"))) {
          continue;
        }
        String dept = (String) a.get("department");
        long[] counts = departments.computeIfAbsent(dept, k -> new long[3]);
        counts[0]++;
        if ("CO".equals(a.get("role"))) {
          continue;
        }
        counts[1]++;
        Item item = new Item(number, dept);
        replying.add(item);
        if (publications.stream().anyMatch(p -> dept.equals(p.get("department")) && sent(p))) {
          replied.add(item);
          counts[2]++;
        }
      }
      Set<String> replyingDepartments = new java.util.TreeSet<>();
      publications.forEach(p -> replyingDepartments.add((String) p.get("department")));
      for (String dept : replyingDepartments) {
        List<Map<String, Object>> ofDept =
            publications.stream()
                .filter(p -> dept.equals(p.get("department")))
                .sorted(Comparator.comparingLong(p -> num(p.get("id"))))
                .toList();
        List<Map<String, Object>> signed =
            SummaryHttp.list(d.get("drafts")).stream()
                .filter(x -> dept.equals(x.get("department")) && "SIGNED".equals(x.get("state")))
                .sorted(Comparator.comparingLong(x -> num(x.get("version"))))
                .toList();
        assertThat(signed).as("one signed draft per signed reply").hasSameSizeAs(ofDept);
        int latest = -1;
        for (int i = 0; i < ofDept.size(); i++) {
          if (sent(ofDept.get(i))) {
            latest = i;
          }
        }
        if (latest < 0) {
          continue;
        }
        Map<String, Object> draft2 = signed.get(latest);
        Item item = new Item(number, dept);
        replies.add(item);
        byCategory
            .computeIfAbsent((String) draft2.get("category"), k -> new ArrayList<>())
            .add(item);
        if (Set.of("MEETING", "VISIT").contains(draft2.get("contactMethod"))) {
          met.add(item);
        }
      }
      Map<String, List<Map<String, Object>>> feedbackByDept = new HashMap<>();
      for (Map<String, Object> fb : SummaryHttp.list(d.get("feedback"))) {
        feedbackByDept
            .computeIfAbsent((String) fb.get("department"), k -> new ArrayList<>())
            .add(fb);
      }
      feedbackByDept.forEach(
          (dept, rounds) -> {
            rounds.sort(Comparator.comparingLong(r -> num(r.get("round"))));
            Item item = new Item(number, dept);
            rate(rounds.get(0).get("resultRating"), item, firstRated, firstSatisfied);
            rate(
                rounds.get(rounds.size() - 1).get("resultRating"),
                item,
                finalRated,
                finalSatisfied);
          });
      for (Map<String, Object> c : SummaryHttp.list(d.get("commitments"))) {
        String state = (String) c.get("state");
        if ("DROPPED".equals(state)) {
          continue;
        }
        commitments.get("made")[0]++;
        LocalDate due = LocalDate.parse((String) c.get("dueDate"));
        switch (state) {
          case "KEPT" -> commitments.get("kept")[0]++;
          case "OVERDUE" -> commitments.get("overdue")[0]++;
          default -> commitments.get(due.isBefore(today) ? "overdue" : "open")[0]++;
        }
      }
    }

    // by reply category: the categories of the summary, whatever they are, and any found
    List<Map<String, Object>> categoryShares = SummaryHttp.list(f.get("byReplyCategory"));
    for (Map<String, Object> share : categoryShares) {
      String key = (String) share.get("key");
      List<Item> found = byCategory.getOrDefault(key, List.of());
      assertThat(num(share.get("count"))).as("byReplyCategory %s", key).isEqualTo(found.size());
      assertThat(items(items.get("byReplyCategory." + key)))
          .containsExactlyInAnyOrderElementsOf(found);
    }
    assertThat(categoryShares.stream().map(s -> (String) s.get("key")).toList())
        .containsAll(byCategory.keySet());

    assertRate(f, items, "replyRate", replied, replying);
    assertRate(f, items, "meetingRate", met, replies);
    assertRate(f, items, "firstSatisfactionRate", firstSatisfied, firstRated);
    assertRate(f, items, "satisfactionRate", finalSatisfied, finalRated);

    Map<String, Object> c = SummaryHttp.map(f.get("commitments"));
    assertThat(num(c.get("made"))).isEqualTo(commitments.get("made")[0]);
    assertThat(num(c.get("keptOnTime")) + num(c.get("keptLate")))
        .isEqualTo(commitments.get("kept")[0]);
    assertThat(num(c.get("open"))).isEqualTo(commitments.get("open")[0]);
    assertThat(num(c.get("overdue"))).isEqualTo(commitments.get("overdue")[0]);
    assertThat(SummaryHttp.list(items.get("commitments.made")))
        .hasSize((int) commitments.get("made")[0]);

    // the table by department, and the on-time rate as the sum of its rows
    long onTime = 0;
    long due = 0;
    for (Map<String, Object> row : SummaryHttp.list(f.get("byDepartment"))) {
      long[] counts = departments.getOrDefault((String) row.get("code"), new long[3]);
      assertThat(
              new long[] {
                num(row.get("assigned")), num(row.get("replying")), num(row.get("replied"))
              })
          .as("department %s", row.get("code"))
          .containsExactly(counts);
      Map<String, Object> rate = SummaryHttp.map(row.get("onTime"));
      onTime += num(rate.get("numerator"));
      due += num(rate.get("denominator"));
    }
    assertThat(SummaryHttp.list(f.get("byDepartment"))).hasSize(departments.size());
    Map<String, Object> onTimeRate = SummaryHttp.map(f.get("onTimeRate"));
    assertThat(num(onTimeRate.get("numerator"))).isEqualTo(onTime);
    assertThat(num(onTimeRate.get("denominator"))).isEqualTo(due);

    // key items
    assertThat(
            SummaryHttp.list(f.get("keyItems")).stream()
                .map(k -> (String) k.get("number"))
                .toList())
        .containsExactlyInAnyOrderElementsOf(
            details.stream()
                .filter(d -> Boolean.TRUE.equals(d.get("keyItem")))
                .map(d -> (String) d.get("number"))
                .toList());
  }

  private static boolean sent(Map<String, Object> publication) {
    return publication.get("repliedAt") != null && !"VOIDED".equals(publication.get("state"));
  }

  private static void rate(Object rating, Item item, List<Item> rated, List<Item> satisfied) {
    if (rating == null) {
      return;
    }
    rated.add(item);
    if (!"UNSATISFIED".equals(rating)) {
      satisfied.add(item);
    }
  }

  private static void assertRate(
      Map<String, Object> f,
      Map<String, Object> items,
      String name,
      List<Item> counted,
      List<Item> outOf) {
    Map<String, Object> rate = SummaryHttp.map(f.get(name));
    assertThat(num(rate.get("numerator"))).as("%s numerator", name).isEqualTo(counted.size());
    assertThat(num(rate.get("denominator"))).as("%s denominator", name).isEqualTo(outOf.size());
    assertThat(items(items.get(name)))
        .as("%s items", name)
        .containsExactlyInAnyOrderElementsOf(counted);
    assertThat(items(items.get(name + ".denominator")))
        .as("%s counted out of", name)
        .containsExactlyInAnyOrderElementsOf(outOf);
  }

  private static List<String> numbers(Object list) {
    return SummaryHttp.list(list).stream().map(i -> (String) i.get("number")).toList();
  }

  private static List<Item> items(Object list) {
    return SummaryHttp.list(list).stream()
        .map(i -> new Item((String) i.get("number"), (String) i.get("department")))
        .toList();
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }
}
