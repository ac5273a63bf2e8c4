package org.civicflow.portal.publicsite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.domain.publication.IntegrityGuard;
import org.civicflow.domain.publication.ReadCounter;
import org.civicflow.domain.publication.Seal;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.proposal.ProposalActions;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.TaskWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public column as the demo leaves it: suggestion 911100 with every field of the government's
 * page, its hash, read counting, search, and what happens when a stored record is changed behind
 * CivicFlow's back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PublicSiteIT {

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntegrityGuard guard;
  @Autowired ReadCounter reads;
  @Autowired ProposalIntake intake;
  @Autowired TaskWork work;
  @Autowired Inbox inbox;
  @Autowired UserDirectory users;
  @Autowired ManagementService management;
  @Autowired ProposalActions actions;

  private long id911100() {
    return jdbc.queryForObject(
        "SELECT id FROM cf_publication WHERE proposal_number = '911100'", Long.class);
  }

  private String page(String path) {
    ResponseEntity<String> r = http.getForEntity(path, String.class);
    assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
    return r.getBody();
  }

  @Test
  void theReplyPageShowsEveryFieldOfTheGovernmentsPage() {
    String html = page("/public/replies/" + id911100());
    assertThat(html)
        .contains("首页", "政务公开", "建议提案办理", "建议提案办理结果公开")
        .contains("对市九届人大一次会议第911100号建议的答复:关于加强对网红“直播带货”市场监督管理的建议")
        .contains("文章来源", "市场监督管理局")
        .contains("添加时间", "2022-06-02")
        .contains("阅读")
        .contains("编号", "911100", "领衔人", "金淼", "代表团", "昌图县", "时间", "2021-12-29")
        .contains("主播夸大宣传", "建立主播信用评价机制")
        .contains("金淼代表:", "检查本地主播账号300余个")
        .contains("2022年5月30日")
        .contains("view=print")
        .contains("a11y=on");
    assertThat(html).as("the handler's phone number is not public").doesNotContain("0410-2345678");
    assertThat(html)
        .as("the signed letter keeps the contact: the page offers its check, not the letter")
        .contains("href=\"/verify\"")
        .doesNotContain("letter.pdf");
    assertThat(page("/public/replies/" + id911100() + "?view=print")).contains("911100", "金淼代表:");
    assertThat(page("/public/replies/" + id911100() + "?a11y=on"))
        .contains("class=\"public a11y\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theJsonCarriesTheHashOfTheTextItReturns() {
    Map<String, Object> json = http.getForObject("/api/v1/public/replies/" + id911100(), Map.class);
    String text = (String) json.get("replyText");
    assertThat(json)
        .containsEntry("number", "911100")
        .containsEntry("proposer", "金淼")
        .containsEntry("delegation", "昌图县")
        .containsEntry("department", "市场监督管理局")
        .containsEntry("category", "B")
        .containsEntry("session", "市九届人大一次会议");
    assertThat(json.get("contentSha256")).isEqualTo(Seal.sha256(text));
    Map<String, Object> list = http.getForObject("/api/v1/public/replies?q=直播带货", Map.class);
    assertThat((List<Map<String, Object>>) list.get("items"))
        .extracting(i -> i.get("number"))
        .contains("911100");
  }

  @Test
  void readsCountOncePerVisitorAndAreWrittenInBatches() {
    long id = id911100();
    reads.flush(); // what other tests read
    long before = readCount(id);
    HttpHeaders visitor = new HttpHeaders();
    visitor.set("User-Agent", "reader-" + System.nanoTime());
    for (int i = 0; i < 5; i++) {
      // one address: "localhost" may alternate between IPv4 and IPv6, which are two visitors
      http.exchange(
          "http://127.0.0.1:" + port + "/public/replies/" + id,
          HttpMethod.GET,
          new HttpEntity<>(visitor),
          String.class);
    }
    assertThat(readCount(id)).as("no write while reading").isEqualTo(before);
    assertThat(reads.flush()).as("views written by the flush").isEqualTo(1);
    assertThat(readCount(id)).as("five reloads count once").isEqualTo(before + 1);
  }

  @Test
  void anonymousReadersGetThePageRenderedForTheSameReplyAndReadCount() {
    long id = id911100();
    HttpHeaders first = new HttpHeaders();
    first.set("User-Agent", "cached-reader-" + System.nanoTime());
    ResponseEntity<String> rendered = get(id, first);
    ResponseEntity<String> again = get(id, first); // the same visitor: count unchanged, from memory
    assertThat(again.getBody()).isEqualTo(rendered.getBody());
    assertThat(again.getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo(rendered.getHeaders().getFirst("Content-Security-Policy"))
        .contains("script-src 'self'");
    assertThat(again.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
    assertThat(again.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(again.getHeaders().getFirst("Content-Language"))
        .isEqualTo(rendered.getHeaders().getFirst("Content-Language"))
        .isEqualTo("zh-CN");
    assertThat(again.getHeaders().getContentLength())
        .isEqualTo(again.getBody().getBytes(UTF_8).length);
    assertThat(again.getHeaders().get("Set-Cookie")).isNull();

    HttpHeaders second = new HttpHeaders();
    second.set("User-Agent", "another-reader-" + System.nanoTime());
    ResponseEntity<String> other = get(id, second);
    assertThat(shownReads(other.getBody()))
        .as("a new visitor's read is counted and shown")
        .isEqualTo(shownReads(rendered.getBody()) + 1);
    assertThat(shownReads(get(id, first).getBody())).isEqualTo(shownReads(other.getBody()));
    // many new visitors: each page from memory shows the count with their view (no re-rendering)
    for (int i = 1; i <= 12; i++) {
      HttpHeaders next = new HttpHeaders();
      next.set("User-Agent", "reader-" + i + "-" + System.nanoTime());
      String html = get(id, next).getBody();
      assertThat(shownReads(html)).isEqualTo(shownReads(other.getBody()) + i);
      assertThat(html.replaceFirst("class=\"reads\">\\d+<", ""))
          .isEqualTo(other.getBody().replaceFirst("class=\"reads\">\\d+<", ""));
    }
  }

  @Test
  void aReplyWithdrawnOnThisNodeIsNoLongerServedFromMemory() {
    String text = "答复正文" + System.nanoTime();
    long id = replyPublished(text);
    HttpHeaders reader = new HttpHeaders();
    reader.set("User-Agent", "withdrawal-reader-" + System.nanoTime());
    get(id, reader);
    assertThat(get(id, reader).getBody()).contains(text).doesNotContain("内容需更正");
    long proposalId =
        jdbc.queryForObject("SELECT proposal_id FROM cf_publication WHERE id = ?", Long.class, id);
    actions.withdrawPublication(proposalId, id, "内容需更正", caller("registrar"));
    String page = get(id, reader).getBody();
    assertThat(page).contains("内容需更正").doesNotContain(text);
  }

  private Caller caller(String username) {
    return publishing().caller(username);
  }

  private ReplyPublishing publishing() {
    return new ReplyPublishing(intake, work, inbox, users, management, jdbc);
  }

  /** A new proposal of the test's own, replied and published through the process. */
  private long replyPublished(String replyText) {
    return publishing()
        .publish(
            new NewProposal(
                "市九届人大一次会议",
                "P" + System.nanoTime() % 1_000_000,
                ProposalType.SUGGESTION,
                "关于缓存页面撤回的建议",
                "建议内容",
                "测试",
                "测试代表团",
                null,
                List.of(),
                null,
                Instant.now().minusSeconds(60)),
            replyText);
  }

  private ResponseEntity<String> get(long id, HttpHeaders headers) {
    ResponseEntity<String> r =
        http.exchange(
            "http://127.0.0.1:" + port + "/public/replies/" + id,
            HttpMethod.GET,
            new HttpEntity<>(headers),
            String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    return r;
  }

  private static long shownReads(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("class=\"reads\">(\\d+)<").matcher(html);
    assertThat(m.find()).as("read count on the page").isTrue();
    return Long.parseLong(m.group(1));
  }

  private long readCount(long id) {
    return jdbc.queryForObject(
        "SELECT read_count FROM cf_publication WHERE id = ?", Long.class, id);
  }

  @Test
  void chinesePhrasesAreFoundAndHighlighted() {
    String results = page("/?q=主播账号");
    assertThat(results).contains("911100").contains("<mark>主播账号</mark>");
    assertThat(page("/?q=监管")).contains("911100").contains("910107");
    assertThat(page("/?q=不存在的词语")).doesNotContain("reply-title\"");
    assertThat(page("/?category=B&year=2022")).contains("911100");
    assertThat(http.getForEntity("/?category=Z", String.class).getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  @SuppressWarnings("unchecked")
  void searchesMarkTextsWhoseLettersChangeLengthWhenLowerCased() {
    String word = "Qz" + System.nanoTime();
    // "İ".toLowerCase() is two chars: 150 of them put a lower-cased copy's positions far beyond
    long id =
        replyPublished("İ".repeat(150) + " HAUPTSTRAẞE " + word + " 与İstanbul友好合作,<i>斜体</i>照登。");
    String results = page("/?q=hauptstraße " + word);
    assertThat(results)
        .contains("/public/replies/" + id + "\"")
        .contains("<mark>HAUPTSTRAẞE " + word + "</mark>")
        .contains("&lt;i&gt;斜体&lt;/i&gt;")
        .doesNotContain("<i>斜体");
    assertThat(page("/?q=İSTANBUL " + word.toLowerCase(java.util.Locale.ROOT)))
        .contains("<mark>İstanbul</mark>")
        .contains("<mark>" + word + "</mark>");
    Map<String, Object> json =
        http.getForObject("/api/v1/public/replies?q=STRAẞE " + word, Map.class);
    assertThat(json).containsEntry("total", 0);
    json = http.getForObject("/api/v1/public/replies?q=HAUPTSTRAẞE " + word, Map.class);
    assertThat((List<Map<String, Object>>) json.get("items"))
        .extracting(i -> ((Number) i.get("id")).longValue())
        .containsExactly(id);
    assertThat(json).containsEntry("total", 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListCountsOnlyTheRepliesItShows() {
    String word = "zq" + System.nanoTime();
    long kept = replyPublished("核查答复 " + word + " 其一");
    List<Long> changed =
        List.of(replyPublished("核查答复 " + word + " 其二"), replyPublished("核查答复 " + word + " 其三"));
    Map<Long, String> texts = new java.util.HashMap<>();
    for (long id : List.of(kept, changed.get(0), changed.get(1))) {
      texts.put(
          id,
          jdbc.queryForObject(
              "SELECT public_text FROM cf_publication WHERE id = ?", String.class, id));
    }
    changed.forEach(id -> tamper(id, word));
    try {
      // found changed while this very list is read: off the page and off the total
      Map<String, Object> json = http.getForObject("/api/v1/public/replies?q=" + word, Map.class);
      assertThat(ids(json)).containsExactly(kept);
      assertThat(json).containsEntry("total", 1);
      // withheld from then on (the open failures, which every node reads): the same on every page
      assertThat(page("/?q=" + word))
          .contains("共找到1条")
          .contains("/public/replies/" + kept + "\"")
          .doesNotContain("/public/replies/" + changed.get(0) + "\"");
      json = http.getForObject("/api/v1/public/replies?q=" + word + "&size=1&page=0", Map.class);
      assertThat(ids(json)).containsExactly(kept);
      assertThat(json).containsEntry("total", 1);
      // the whole list: as many as it shows (the test database holds far fewer than 200)
      json = http.getForObject("/api/v1/public/replies?size=200", Map.class);
      assertThat(ids(json)).contains(kept).doesNotContainAnyElementsOf(changed);
      assertThat(((Number) json.get("total")).intValue()).isEqualTo(ids(json).size());
      // every reply of the list withheld (the one verified and kept in memory found by the
      // scheduled check): no "共N条" above an empty list
      tamper(kept, word);
      assertThat(guard.sweep()).isPositive();
      assertThat(page("/?q=" + word)).contains("共找到0条").contains("暂无公开的答复");
      json = http.getForObject("/api/v1/public/replies?q=" + word, Map.class);
      assertThat(ids(json)).isEmpty();
      assertThat(json).containsEntry("total", 0);
    } finally {
      texts.forEach(
          (id, text) -> {
            jdbc.update("UPDATE cf_publication SET public_text = ? WHERE id = ?", text, id);
            if (guard.openFailures().stream().anyMatch(f -> f.publicationId() == id)) {
              guard.resolve(id, "admin");
            }
          });
    }
    assertThat(ids(http.getForObject("/api/v1/public/replies?q=" + word, Map.class)))
        .containsExactlyInAnyOrder(kept, changed.get(0), changed.get(1));
  }

  private void tamper(long id, String word) {
    jdbc.update("UPDATE cf_publication SET public_text = ? WHERE id = ?", "改过的答复 " + word, id);
  }

  @SuppressWarnings("unchecked")
  private static List<Long> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("items"))
        .stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  @Test
  void theListTakesPagesOfUpTo200() {
    assertThat(
            http.getForEntity("/api/v1/public/replies?size=200", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    for (String size : List.of("201", "0")) {
      ResponseEntity<String> refused =
          http.getForEntity("/api/v1/public/replies?size=" + size, String.class);
      assertThat(refused.getStatusCode().value()).as(size).isEqualTo(400);
      assertThat(refused.getBody()).contains("\"size\"");
    }
  }

  @Test
  void aRecordChangedInTheDatabaseIsWithheldAuditedAndListed() {
    long id = id911100();
    page("/public/replies/" + id); // cached as verified
    String title =
        jdbc.queryForObject("SELECT title FROM cf_publication WHERE id = ?", String.class, id);
    jdbc.update("UPDATE cf_publication SET title = ? WHERE id = ?", "某市博彩娱乐平台官网", id);
    try {
      assertThat(guard.sweep()).isEqualTo(1);
      ResponseEntity<String> page = http.getForEntity("/public/replies/" + id, String.class);
      assertThat(page.getStatusCode().value()).isEqualTo(503);
      assertThat(page.getBody()).contains("页面正在核查").doesNotContain("博彩");
      assertThat(
              http.getForEntity("/api/v1/public/replies/" + id, String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(503);
      assertThat(page("/")).doesNotContain("博彩").doesNotContain("/public/replies/" + id + "\"");
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM cf_audit_event WHERE action ="
                      + " 'publication.tamperDetected' AND object_id = ?",
                  Integer.class,
                  String.valueOf(id)))
          .isEqualTo(1);
      assertThat(guard.openFailures()).anyMatch(f -> f.publicationId() == id);
    } finally {
      jdbc.update("UPDATE cf_publication SET title = ? WHERE id = ?", title, id);
      guard.resolve(id, "admin");
    }
    assertThat(page("/public/replies/" + id)).contains("911100");
  }
}
