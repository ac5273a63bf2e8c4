package org.civicflow.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A proposal's number finds its proposal and its replies (first), in the public search and the
 * staff's search of proposals; so do numbers and Latin words inside Chinese text (12315, MCN in any
 * width and case) and Chinese words without spaces (抖音).
 */
class NumberAndTokenSearchTest {

  private final FakeSource source = new FakeSource();
  private LocalSearchIndex index;

  @BeforeEach
  void build() throws Exception {
    // reply 1 answers proposal number 900001, reply 2 mentions that number in its text
    source.reply(1, "SCJG", "B", 2022, "关于加强网络直播带货监管的建议的答复", "对全市MCN机构开展摸底调查,对抖音等平台开展监测。");
    source.reply(2, "SWJ", "A", 2023, "关于发展夜间经济的建议的答复", "参照第900001号建议的答复,12315平台受理投诉。");
    source.reply(3, "WXB", "C", 2023, "关于农产品销售的建议的答复", "支持农户销售农产品。");
    source.proposal(11, "市九届人大一次会议", "关于规范网络主播的建议", "督促抖音平台落实12315投诉处理,规范ＭＣＮ机构。");
    source.proposal(12, "市九届人大一次会议", "关于发展夜间经济的建议", "延长营业时间。");
    index = new LocalSearchIndex(source, Clock.systemUTC(), "", 60_000);
    index.rebuild();
  }

  @AfterEach
  void close() throws Exception {
    index.destroy();
  }

  private List<Long> replies(String q) {
    return new ReplySearch(index)
        .search(
            new ReplySearch.Request(RankedQuery.parse(q), null, null, null, null, false, 0, 10),
            Set.of())
        .ids();
  }

  @Test
  void aProposalNumberFindsItsReplyFirst() {
    assertThat(replies("900001")).containsExactly(1L, 2L);
    assertThat(replies("900003")).containsExactly(3L);
    assertThat(replies("900001 -夜间")).containsExactly(1L);
    assertThat(replies("-900001 农产品")).containsExactly(3L);
  }

  @Test
  void numbersAndLatinWordsInsideChineseAreFound() {
    assertThat(replies("12315")).containsExactly(2L);
    assertThat(replies("MCN")).containsExactly(1L);
    assertThat(replies("mcn")).containsExactly(1L);
    assertThat(replies("ＭＣＮ")).containsExactly(1L);
    assertThat(replies("抖音")).containsExactly(1L);
    assertThat(replies("抖音 MCN")).containsExactly(1L);
  }

  @Test
  void theStaffSearchOfProposalsFindsNumbersAndWordsOfTheContent() {
    ProposalTextSearch search = new ProposalTextSearch(index);
    assertThat(search.matching("N11")).containsExactly(11L);
    assertThat(search.matching("n12")).containsExactly(12L);
    assertThat(search.matching("12315")).containsExactly(11L);
    assertThat(search.matching("mcn")).containsExactly(11L);
    assertThat(search.matching("抖音")).containsExactly(11L);
    assertThat(search.matching("夜间经济")).containsExactly(12L);
    assertThat(search.matching(" ")).isEmpty();
    assertThat(search.matching("无此词语")).isEmpty();
  }
}
