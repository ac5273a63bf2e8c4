package org.civicflow.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicflow.domain.publication.ReplyPublishing.searchEntry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.civicflow.domain.TestRecords;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentMapper;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalFixtures;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.publication.PublicSnapshot;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.PublicationMapper;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public search index: Chinese words and phrases, ranking, filters, withdrawal. */
@MybatisTest
@Import({Proposals.class, PublicSearchIndex.class, SearchIndexMerge.class})
class SearchIndexMapperTest {

  @Autowired PublicSearchIndex index;
  @Autowired SearchIndexMerge merge;
  @Autowired PublicationMapper publications;
  @Autowired Proposals proposals;
  @Autowired SessionMapper sessions;
  @Autowired DepartmentMapper departments;
  @Autowired JdbcTemplate jdbc;

  Department dept;
  Session session;
  Publication live;
  Publication phrase;
  Publication scattered;

  @BeforeEach
  void replies() {
    dept = TestRecords.department(departments, "检索测试局");
    session = TestRecords.session(sessions);
    live = publish("关于加强直播带货监管的建议", "我局对主播账号开展检查,加强直播带货监管。", "A", 2022);
    phrase = publish("关于市场秩序的建议", "针对直播间虚假宣传,我局加强带货监管力度。", "B", 2023);
    scattered = publish("关于食品安全的建议", "带货平台的监管由网信部门负责,食品抽检另行安排。", "B", 2023);
  }

  private Publication publish(String title, String text, String category, int year) {
    Proposal p =
        ProposalFixtures.store(
            proposals, session.id(), session.name(), "S" + System.nanoTime() % 10_000_000);
    jdbc.update(
        "INSERT INTO cf_reply_draft (proposal_id, department_code, version, round, reply_text,"
            + " category, contact_method, disclosure, state, author, submitted_at)"
            + " VALUES (?, ?, 1, 1, ?, ?, 'PHONE', 'PUBLIC', 'SIGNED', 'h', CURRENT_TIMESTAMP)",
        p.getId(),
        dept.code(),
        text,
        category);
    long draftId =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM cf_reply_draft WHERE proposal_id = ?", Long.class, p.getId());
    PublicSnapshot shown =
        new PublicSnapshot(
            title,
            dept.name(),
            session.name(),
            p.getNumber(),
            "SUGGESTION",
            "金淼",
            "昌图县",
            Instant.parse("2021-12-29T02:00:00Z"),
            "建议内容",
            category);
    Publication pub =
        new Publication(
            p.getId(),
            dept.code(),
            draftId,
            1,
            "PUBLIC",
            null,
            shown,
            text,
            text,
            "l",
            Instant.now());
    publications.insert(pub);
    pub.publish(Instant.parse(year + "-06-02T02:00:00Z"), ZoneOffset.UTC);
    publications.update(pub);
    index.add(searchEntry(pub));
    return pub;
  }

  private List<Long> find(String q) {
    return index.search(PublicQuery.of(q, session.name(), null, null, null, 0, 20)).ids();
  }

  @Test
  void aTwoCharacterWordInsideASentenceIsFound() {
    assertThat(find("监管"))
        .containsExactlyInAnyOrder(live.getId(), phrase.getId(), scattered.getId());
    assertThat(find("主播")).containsExactly(live.getId());
  }

  @Test
  void aPhraseMatchesOnlyWhereItStandsTogetherAndTitlesRankFirst() {
    PublicSearchIndex.Result r =
        index.search(PublicQuery.of("带货监管", session.name(), null, null, null, 0, 20));
    assertThat(r.ids()).containsExactly(live.getId(), phrase.getId());
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.exact()).isTrue();
    assertThat(find("直播带货").get(0)).as("title match first").isEqualTo(live.getId());
    assertThat(find("监管 抽检")).as("all words").containsExactly(scattered.getId());
  }

  @Test
  void filtersNewestFirstAndPaging() {
    assertThat(find(null)).containsExactly(scattered.getId(), phrase.getId(), live.getId());
    assertThat(index.search(PublicQuery.of(null, session.name(), null, null, "A", 0, 20)).ids())
        .containsExactly(live.getId());
    assertThat(
            index
                .search(PublicQuery.of(null, session.name(), dept.code(), 2023, null, 0, 20))
                .ids())
        .containsExactly(scattered.getId(), phrase.getId());
    PublicSearchIndex.Result second =
        index.search(PublicQuery.of(null, session.name(), null, null, null, 1, 2));
    assertThat(second.ids()).containsExactly(live.getId());
    assertThat(second.total()).isEqualTo(3);
    assertThat(index.facetCounts())
        .containsEntry("f:sess:" + session.name(), 3)
        .containsEntry("f:dept:" + dept.code(), 3);
  }

  @Test
  void leftOutRepliesAreNeitherOnAPageNorInTheTotal() {
    PublicSearchIndex.Result word =
        index.search(
            PublicQuery.of("监管", session.name(), null, null, null, 0, 20), Set.of(phrase.getId()));
    assertThat(word.ids()).containsExactly(live.getId(), scattered.getId());
    assertThat(word.total()).isEqualTo(2);
    PublicSearchIndex.Result confirmed =
        index.search(
            PublicQuery.of("带货监管", session.name(), null, null, null, 0, 20), Set.of(live.getId()));
    assertThat(confirmed.ids()).containsExactly(phrase.getId());
    assertThat(confirmed.total()).isEqualTo(1);
    PublicSearchIndex.Result all =
        index.search(
            PublicQuery.of(null, session.name(), null, null, null, 0, 1),
            Set.of(scattered.getId(), -1L));
    assertThat(all.ids()).containsExactly(phrase.getId());
    assertThat(all.total()).isEqualTo(2);
    merge.mergePending();
    assertThat(
            index
                .search(
                    PublicQuery.of(null, session.name(), null, null, null, 0, 20),
                    Set.of(phrase.getId(), scattered.getId(), live.getId()))
                .total())
        .as("merged into the bitmaps")
        .isZero();
  }

  @Test
  void singleCharactersLatinWordsAndNoise() {
    assertThat(find("秩")).containsExactly(phrase.getId());
    assertThat(find("不存在的词语")).isEmpty();
    assertThat(find("100%_")).isEmpty();
  }

  @Test
  void aWithdrawnReplyLeavesTheIndexAndAddingTwiceChangesNothing() {
    index.add(searchEntry(live));
    assertThat(find("主播")).containsExactly(live.getId());
    index.remove(searchEntry(live));
    assertThat(find("主播")).isEmpty();
    assertThat(find(null)).containsExactly(scattered.getId(), phrase.getId());
  }

  @Test
  void publishedRepliesAreFoundBeforeAndAfterTheMergeAndOnlyThePendingRowIsWritten() {
    Integer keysBefore = jdbc.queryForObject("SELECT COUNT(*) FROM cf_search_key", Integer.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_search_pending", Integer.class))
        .as("publishing wrote pending rows, no bitmap")
        .isGreaterThanOrEqualTo(3);
    assertThat(merge.mergePending()).isGreaterThanOrEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_search_pending", Integer.class))
        .isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_search_key", Integer.class))
        .isGreaterThan(keysBefore);
    assertThat(find("主播")).containsExactly(live.getId());
    assertThat(find("监管"))
        .containsExactlyInAnyOrder(live.getId(), phrase.getId(), scattered.getId());
    assertThat(find(null)).containsExactly(scattered.getId(), phrase.getId(), live.getId());
    assertThat(index.facetCounts()).containsEntry("f:sess:" + session.name(), 3);

    // one merged, one pending: both found, in order, counted once
    Publication later = publish("关于直播主播培训的建议", "组织主播培训。", "A", 2024);
    assertThat(find("主播")).containsExactly(later.getId(), live.getId());
    assertThat(index.facetCounts())
        .containsEntry("f:sess:" + session.name(), 4)
        .containsEntry("f:year:2024", 1);
    assertThat(merge.mergePending()).isEqualTo(1);
    assertThat(merge.mergePending()).isZero();
    assertThat(find("主播")).containsExactly(later.getId(), live.getId());

    // withdrawn after the merge: taken out of the bitmaps
    index.remove(searchEntry(live));
    assertThat(find("主播")).containsExactly(later.getId());
    assertThat(index.facetCounts()).containsEntry("f:sess:" + session.name(), 3);
  }

  @Test
  void keysCoverBodyTitleAndFilters() {
    Set<String> keys = searchEntry(live).keys();
    assertThat(keys)
        .contains("b主播", "b主", "t直播", "f:all", "f:cat:A", "f:year:2022", "f:dept:" + dept.code());
  }

  @Test
  void aPhraseSearchConfirmsOnlyWhatThePageNeedsAndSaysWhenTheTotalIsAnEstimate() {
    int many = PublicSearchIndex.CONFIRM_BATCH + 10;
    for (int i = 0; i < many; i++) {
      publish("关于第" + i + "号议题的建议", i % 2 == 0 ? "加强带货监管。" : "带货另议,货监从严,监管到位。", "C", 2024);
    }
    PublicSearchIndex.Result first =
        index.search(PublicQuery.of("带货监管", session.name(), null, null, null, 0, 5));
    assertThat(first.ids()).hasSize(5);
    assertThat(first.exact()).as("only the newest candidates were read").isFalse();
    assertThat(first.total()).isBetween(5L, (long) many + 3);

    PublicSearchIndex.Result all =
        index.search(PublicQuery.of("带货监管", session.name(), null, null, null, 0, 100));
    assertThat(all.exact()).isTrue();
    assertThat(all.total()).isEqualTo(many / 2 + 2);
    assertThat(all.ids()).hasSize(many / 2 + 2).doesNotContain(scattered.getId());
  }
}
