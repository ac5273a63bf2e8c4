package org.civicflow.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The change feed's pruning on the database (H2, and MariaDB in the database suite): rows older
 * than the retention go, in batches, newer ones stay and are still read after the last applied;
 * running it twice (two nodes) deletes nothing more; a retention shorter than the minimum stops
 * start-up.
 */
@MybatisTest
class SearchFeedPruningDatabaseTest {

  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @Autowired SearchSourceMapper source;
  @Autowired SearchFeedPruneMapper feed;

  private SearchFeedPruning pruning(Duration retention) {
    return new SearchFeedPruning(feed, Clock.fixed(NOW, ZoneOffset.UTC), retention);
  }

  @Test
  void rowsOlderThanTheRetentionGoAndNewerOnesStay() {
    Long before = source.maxFeedSeq();
    long base = before == null ? 0 : before;
    int old = SearchFeedPruning.BATCH + 7; // more than one batch
    for (int i = 0; i < old; i++) {
      source.insertFeed("proposal", i, NOW.minus(Duration.ofHours(30)).plusSeconds(i));
    }
    source.insertFeed("reply", 42, NOW.minus(Duration.ofHours(23)));
    source.insertFeed("proposal", 43, NOW.minus(Duration.ofMinutes(1)));

    SearchFeedPruning pruning = pruning(Duration.ofHours(24));
    assertThat(pruning.prune()).isGreaterThanOrEqualTo(old);
    assertThat(pruning.prune()).as("a second node finds nothing left").isZero();

    List<SearchSourceMapper.FeedRow> left = source.feedAfter(base, List.of(), 100);
    assertThat(left).extracting(SearchSourceMapper.FeedRow::refId).containsExactly(42L, 43L);
    assertThat(left.get(0).seq()).isEqualTo(base + old + 1);
    // a node that had applied the old rows goes on from where it was
    assertThat(source.feedAfter(base + old, List.of(), 100)).hasSize(2);
  }

  @Test
  void aRetentionShorterThanTheMinimumIsRefused() {
    assertThatThrownBy(() -> pruning(Duration.ofMinutes(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("civicflow.search.feed-retention");
  }
}
