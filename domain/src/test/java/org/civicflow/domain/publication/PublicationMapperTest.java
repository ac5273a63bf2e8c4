package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.civicflow.domain.MapperTestBase;
import org.civicflow.domain.reply.ReplyDraftMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class PublicationMapperTest extends MapperTestBase {

  @Autowired PublicationMapper publications;
  @Autowired ReplyDraftMapper drafts;
  @Autowired JdbcTemplate jdbc;
  private final PublicationSeals seals = PublicationFixtures.seals(PublicationFixtures.KEYS);

  private long draftId() {
    jdbc.update(
        "INSERT INTO cf_reply_draft (proposal_id, department_code, version, round, reply_text,"
            + " category, contact_method, disclosure, state, author, submitted_at)"
            + " VALUES (?, ?, 1, 1, '答复', 'B', 'PHONE', 'PUBLIC', 'SIGNED', 'h', CURRENT_TIMESTAMP)",
        proposal.getId(),
        department.code());
    return drafts.findLatest(proposal.getId(), department.code()).orElseThrow().getId();
  }

  private Publication signed() {
    Publication p =
        PublicationFixtures.signed(
            proposal.getId(),
            department.code(),
            draftId(),
            department.name(),
            "金淼代表:联系电话13800138000",
            "金淼代表:联系电话***");
    publications.insert(p);
    PublicationFixtures.sealed(seals, p.getId(), p);
    assertThat(publications.updateSeals(p)).isEqualTo(1);
    return p;
  }

  @Test
  void storesTheSignedAndPublicTexts() {
    Publication p = signed();
    Publication found = publications.findById(p.getId()).orElseThrow();
    assertThat(found.getSignedText()).contains("13800138000");
    assertThat(found.getPublicText()).doesNotContain("13800138000");
    assertThat(found.getContentSha256()).hasSize(64);
    assertThat(found.getProposer()).isEqualTo("金淼");
    assertThat(found.getSuggestionText()).contains("虚假宣传");
    assertThat(seals.check(found).valid()).as("the stored record keeps its seals").isTrue();
    assertThat(found.getSealKeyId()).isEqualTo(PublicationFixtures.KEYS.currentId());
    assertThat(found.getDisclosure()).isEqualTo("PUBLIC");
    assertThat(found.getDraftVersion()).isEqualTo(1);
    assertThat(found.getState()).isEqualTo(PublicationState.SIGNED);
    assertThat(publications.findByDraft(p.getDraftId())).isPresent();
    assertThat(publications.findByProposal(proposal.getId())).hasSize(1);
  }

  @Test
  void publishesOnceAndCountsReads() {
    Publication p = signed();
    assertThat(p.publish(Instant.parse("2022-06-02T02:00:00Z"), java.time.ZoneOffset.UTC)).isTrue();
    assertThat(publications.update(p)).isEqualTo(1);
    Publication again = publications.findById(p.getId()).orElseThrow();
    assertThat(again.publish(Instant.now(), java.time.ZoneOffset.UTC))
        .as("a second publish is a no-op")
        .isFalse();
    assertThat(again.getPublishedAt()).isEqualTo(Instant.parse("2022-06-02T02:00:00Z"));

    publications.addReads(p.getId(), 5);
    publications.addReads(p.getId(), 2);
    assertThat(publications.findById(p.getId()).orElseThrow().getReadCount()).isEqualTo(7);
  }

  @Test
  void withdrawalKeepsTheRecord() {
    Publication p = signed();
    p.publish(Instant.now(), java.time.ZoneOffset.UTC);
    publications.update(p);
    Publication stored = publications.findById(p.getId()).orElseThrow();
    stored.withdraw("registrar", "内容需更正", Instant.now());
    publications.update(stored);
    Publication found = publications.findById(p.getId()).orElseThrow();
    assertThat(found.getState()).isEqualTo(PublicationState.WITHDRAWN);
    assertThat(found.getWithdrawalReason()).isEqualTo("内容需更正");
    assertThat(found.getPublicText()).isEqualTo("金淼代表:联系电话***");
  }
}
