package org.civicflow.portal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.civicflow.portal.reliability.LifecycleDriver.Plan;
import org.junit.jupiter.api.Test;

/**
 * Each node keeps its own search index, fed from the database (docs/search.md): a proposal
 * registered on node A is found similar on node B, and a reply published through A is found by B's
 * public search and among B's similar replies, each within 5 seconds. The nodes share no home, temp
 * or work directory.
 */
class SearchAcrossNodesIT {

  static final Duration WITHIN = Duration.ofSeconds(5);

  @Test
  void whatOneNodeRegistersOrPublishesTheOtherFindsWithinFiveSeconds() throws Exception {
    assumeTrue(
        Database.active(),
        "SearchAcrossNodesIT runs on MariaDB only (mvn verify -Pmariadb): two processes share one"
            + " database server");
    Database db = new Database("civicflow_search_nodes");
    db.drop();
    String tag = "zs" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    try (MailSink mail = new MailSink().start();
        AppProcess a = new AppProcess("search-a", db.name(), RunSupport.nodeArgs(mail));
        AppProcess b = new AppProcess("search-b", db.name(), RunSupport.nodeArgs(mail))) {
      a.start();
      b.start();
      assertThat(a.home()).isNotEqualTo(b.home());
      Api onA = new Api(List.of(a));
      Api onB = new Api(List.of(b));

      // a proposal registered on A, then a reworded copy: B lists the first as similar
      long first =
          register(
              onA,
              tag + "1",
              "关于规范" + tag + "社区团购冷链配送的建议",
              "社区团购" + tag + "冷链配送不规范,生鲜商品变质,消费者投诉多。建议制定社区团购冷链配送标准,加强抽检。");
      long copy =
          register(
              onA,
              tag + "2",
              "对" + tag + "社区团购生鲜配送的意见",
              "生鲜商品变质、消费者投诉多,社区团购" + tag + "冷链配送亟待规范。提议出台冷链配送标准,强化抽检。");
      long seconds =
          within(
              () -> onB.get("registrar", "/api/v1/proposals/" + copy + "/similar?scope=all"),
              body -> ids(body, "id").contains(first));
      System.out.println(
          "SearchAcrossNodesIT: registered on A, similar on B after " + seconds + " ms");

      // a reply published through A: B's public search finds it, and B lists it as similar to a
      // proposal on the same subject (the driver's reply: 主播账号, 联合监管)
      long akin =
          register(
              onA, tag + "4", "关于" + tag + "加强主播账号联合监管的建议", "建议市场监管部门对主播账号开展联合监管,定期检查主播账号。" + tag);
      String number = tag + "3";
      new LifecycleDriver(onA, new ActionLog(), Duration.ofMinutes(3))
          .drive(new Plan(number, "SCJG", null, false, false, false, false, false, false, false));
      long publication = awaitPublished(db, number);
      long found =
          within(
              () -> onB.get("registrar", "/api/v1/public/replies?q=" + number),
              body -> ids(body, "id").contains(publication));
      long similar =
          within(
              () -> onB.get("registrar", "/api/v1/proposals/" + akin + "/similar-replies?size=50"),
              body -> ids(body, "publicationId").contains(publication));
      System.out.println(
          "SearchAcrossNodesIT: published via A, found on B after "
              + found
              + " ms, similar on B after "
              + similar
              + " ms");
    }
  }

  private static long register(Api api, String number, String title, String content) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", "市九届人大一次会议");
    body.put("number", number);
    body.put("type", "SUGGESTION");
    body.put("title", title);
    body.put("content", content);
    body.put("proposer", "金淼");
    body.put("submittedAt", "2021-12-29");
    Api.Answer created = api.post("registrar", "/api/v1/proposals", body);
    assertThat(created.status()).as("registered: %s", created.body()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  /** Milliseconds until the answer satisfies the check; fails after {@link #WITHIN}. */
  private static long within(java.util.function.Supplier<Api.Answer> ask, Predicate<JsonNode> ok)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + WITHIN.toNanos();
    Api.Answer last = null;
    while (System.nanoTime() < deadline) {
      last = ask.get();
      if (last.status() == 200 && ok.test(last.body())) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "not found within " + WITHIN + ": " + (last == null ? "" : last.body()));
  }

  private static List<Long> ids(JsonNode body, String field) {
    List<Long> ids = new java.util.ArrayList<>();
    body.path("items").forEach(i -> ids.add(i.path(field).asLong()));
    return ids;
  }

  private static long awaitPublished(Database db, String number) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      try (Database.Snapshot s = db.snapshot()) {
        List<Map<String, Object>> rows =
            s.rows(
                "SELECT id FROM cf_publication WHERE proposal_number = ? AND state = 'PUBLISHED'",
                number);
        if (!rows.isEmpty()) {
          return ((Number) rows.get(0).get("id")).longValue();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the reply of " + number + " was not published");
  }
}
