package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.civicflow.domain.TestRecords;
import org.civicflow.domain.common.DomainAutoConfiguration;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentMapper;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalFixtures;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public search: H2 answers with LIKE, MySQL/MariaDB with FULLTEXT over bigram keys. The rows
 * are committed (InnoDB indexes full text at commit) and removed afterwards.
 */
@MybatisTest
@Import(Proposals.class)
@ImportAutoConfiguration(DomainAutoConfiguration.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PublicReplyMapperTest {

  @Autowired PublicReplyMapper search;
  @Autowired PublicationMapper publications;
  @Autowired Proposals proposals;
  @Autowired SessionMapper sessions;
  @Autowired DepartmentMapper departments;
  @Autowired JdbcTemplate jdbc;

  Department dept;
  Session session;
  final List<Long> created = new ArrayList<>();
  long live;
  long phrase;
  long scattered;

  @BeforeEach
  void replies() {
    dept = TestRecords.department(departments, "检索测试局");
    session = TestRecords.session(sessions);
    live = publish("关于加强直播带货监管的建议", "我局对主播账号开展检查,加强直播带货监管。", "A", 2022);
    phrase = publish("关于市场秩序的建议", "针对直播间虚假宣传,我局加强带货监管力度。", "B", 2023);
    scattered = publish("关于食品安全的建议", "带货平台的监管由网信部门负责,食品抽检另行安排。", "B", 2023);
  }

  @AfterEach
  void removeThem() {
    for (long id : created) {
      jdbc.update("DELETE FROM cf_publication WHERE id = ?", id);
    }
    jdbc.update("DELETE FROM cf_reply_draft WHERE department_code = ?", dept.code());
  }

  private long publish(String title, String text, String category, int year) {
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
            shown,
            text,
            text,
            Seal.sha256(text),
            Seal.of(PublicationFixtures.KEY, p.getId(), dept.code(), shown, text),
            "l",
            Instant.now());
    publications.insert(pub);
    pub.publish(Instant.parse(year + "-06-02T02:00:00Z"), ZoneOffset.UTC);
    publications.update(pub);
    created.add(pub.getId());
    return pub.getId();
  }

  private List<Long> find(String q, String category, Integer year) {
    return search.search(PublicQuery.of(q, session.name(), null, year, category, 0, 20));
  }

  @Test
  void aTwoCharacterWordInsideASentenceIsFound() {
    assertThat(find("监管", null, null)).containsExactlyInAnyOrder(live, phrase, scattered);
    assertThat(find("主播", null, null)).containsExactly(live);
  }

  @Test
  void aPhraseMatchesOnlyWhereItStandsTogetherAndTitlesRankFirst() {
    assertThat(find("带货监管", null, null)).containsExactly(live, phrase);
    assertThat(find("直播带货", null, null).get(0)).as("title match first").isEqualTo(live);
    assertThat(search.count(PublicQuery.of("带货监管", session.name(), null, null, null, 0, 20)))
        .isEqualTo(2);
  }

  @Test
  void filtersAndNewestFirst() {
    assertThat(find(null, null, null)).containsExactly(scattered, phrase, live);
    assertThat(find(null, "A", null)).containsExactly(live);
    assertThat(find(null, null, 2023)).containsExactly(scattered, phrase);
    assertThat(search.years()).contains(2022, 2023);
    assertThat(search.departments()).contains(dept.code());
  }

  @Test
  void singleCharactersAndNoiseAreHandled() {
    assertThat(find("秩", null, null)).containsExactly(phrase);
    assertThat(find("不存在的词语", null, null)).isEmpty();
    assertThat(find("100%_", null, null)).isEmpty();
  }
}
