package org.civicflow.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node that has not read the feed for half its retention may have missed rows pruned meanwhile:
 * it builds its index anew from the tables instead of catching up from the feed.
 */
class StaleNodeRebuildTest {

  private final FakeSource source = new FakeSource();
  private LocalSearchIndex index;

  @AfterEach
  void close() throws Exception {
    index.destroy();
  }

  private List<Long> find(String q) {
    return new ReplySearch(index)
        .search(
            new ReplySearch.Request(RankedQuery.parse(q), null, null, null, null, false, 0, 10),
            Set.of())
        .ids();
  }

  @Test
  void aNodeThatStoppedReadingTheFeedBuildsAnew() throws Exception {
    source.reply(1, "SCJG", "B", 2022, "关于直播带货的建议的答复", "加强直播带货监管。");
    index = new LocalSearchIndex(source, Clock.systemUTC(), "", 60_000, Duration.ofMillis(40));
    index.rebuild();
    // published while the node was not reading; its feed row has been pruned since
    source.reply(2, "GAJ", "A", 2024, "关于电动自行车的建议的答复", "加强电动自行车监管。");
    Thread.sleep(60);
    assertThat(index.catchUp()).as("no feed row read: built anew").isZero();
    assertThat(find("电动自行车")).containsExactly(2L);
  }

  @Test
  void aNodeReadingTheFeedCatchesUpFromIt() throws Exception {
    source.reply(1, "SCJG", "B", 2022, "关于直播带货的建议的答复", "加强直播带货监管。");
    index = new LocalSearchIndex(source, Clock.systemUTC(), "", 60_000, Duration.ofHours(24));
    index.rebuild();
    source.reply(2, "GAJ", "A", 2024, "关于电动自行车的建议的答复", "加强电动自行车监管。");
    assertThat(index.catchUp()).as("no feed row: nothing to apply").isZero();
    assertThat(find("电动自行车")).isEmpty();
  }
}
