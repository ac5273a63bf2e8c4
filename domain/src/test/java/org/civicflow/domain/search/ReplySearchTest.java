package org.civicflow.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplySearchTest {

  private final FakeSource source = new FakeSource();
  private LocalSearchIndex index;
  private ReplySearch search;

  @BeforeEach
  void build() throws Exception {
    source.reply(1, "SCJG", "B", 2022, "关于加强网络直播带货监管的建议的答复", "我局将加强对直播带货的监管,查处虚假宣传。");
    source.reply(2, "SWJ", "A", 2023, "关于发展夜间经济的建议的答复", "直播间内容与带货无关。监管部门另行通知。");
    source.reply(3, "WXB", "B", 2023, "关于规范MCN机构的建议的答复", "督促抖音等平台落实12315投诉处理,规范MCN机构。");
    source.reply(4, "SCJG", "C", 2021, "关于农产品销售的建议的答复", "支持农户通过直播带货销售农产品,加强监管。");
    index = new LocalSearchIndex(source, Clock.systemUTC(), "", 60_000);
    index.rebuild();
    search = new ReplySearch(index);
  }

  @AfterEach
  void close() throws Exception {
    index.destroy();
  }

  private List<Long> find(String q, boolean newest) {
    return search
        .search(
            new ReplySearch.Request(RankedQuery.parse(q), null, null, null, null, newest, 0, 10),
            Set.of())
        .ids();
  }

  @Test
  void aMatchInTheTitleRanksFirstAndWordsMustStandTogether() {
    assertThat(find("直播带货 监管", false)).containsExactly(1L, 4L);
    assertThat(find("直播带货 监管", true)).containsExactly(1L, 4L);
    // 直播 and 带货 apart (reply 2) is not the word 直播带货
    assertThat(find("直播带货", false)).doesNotContain(2L);
    assertThat(find("\"直播间\"", false)).containsExactly(2L);
  }

  @Test
  void aMinusExcludesAndNewestOrdersByPublication() {
    assertThat(find("直播带货 -农产品", false)).containsExactly(1L);
    assertThat(find("监管", true)).containsExactly(2L, 1L, 4L);
    assertThat(find("", false)).containsExactly(3L, 2L, 1L, 4L);
  }

  @Test
  void mixedLatinDigitsAndSingleCharactersAreFound() {
    assertThat(find("12315", false)).containsExactly(3L);
    assertThat(find("mcn 抖音", false)).containsExactly(3L);
    assertThat(find("ＭＣＮ", false)).containsExactly(3L);
    assertThat(find("抖", false)).containsExactly(3L);
  }

  @Test
  void countsPerFacetCoverEveryMatch() {
    ReplySearch.Hits hits =
        search.search(
            new ReplySearch.Request(RankedQuery.parse("监管"), null, null, null, null, false, 0, 1),
            Set.of());
    assertThat(hits.total()).isEqualTo(3);
    assertThat(hits.ids()).hasSize(1);
    assertThat(hits.facets().get(ReplySearch.DEPARTMENT)).containsEntry("SCJG", 2);
    assertThat(hits.facets().get(ReplySearch.YEAR)).containsEntry("2023", 1);
    assertThat(hits.facets().get(ReplySearch.CATEGORY)).containsEntry("C", 1);
    ReplySearch.Hits filtered =
        search.search(
            new ReplySearch.Request(
                RankedQuery.parse("监管"), null, "SCJG", 2021, null, false, 0, 10),
            Set.of(4L));
    assertThat(filtered.ids()).isEmpty();
  }

  @Test
  void theFeedBringsChangesIn() {
    source.reply(5, "GAJ", "A", 2024, "关于电动自行车的建议的答复", "加强电动自行车监管。");
    source.insertFeed("reply", 5, null);
    assertThat(find("电动自行车", false)).isEmpty();
    assertThat(index.catchUp()).isEqualTo(1);
    assertThat(find("电动自行车", false)).containsExactly(5L);
    source.replies.removeIf(r -> r.id() == 5);
    source.insertFeed("reply", 5, null);
    index.catchUp();
    assertThat(find("电动自行车", false)).isEmpty();
  }

  @Test
  void highlightsMarkTheWordsInPassages() {
    assertThat(ReplySearch.highlights(RankedQuery.parse("直播带货 -农产品"), "我局将加强对直播带货的监管,查处<虚假>宣传。", 2))
        .singleElement()
        .asString()
        .contains("<em>直播带货</em>")
        .contains("&lt;虚假&gt;");
  }
}
