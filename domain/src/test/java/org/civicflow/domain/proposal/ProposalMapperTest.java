package org.civicflow.domain.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.civicflow.domain.TestRecords;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentMapper;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@MybatisTest
@Import(Proposals.class)
class ProposalMapperTest {

  @Autowired ProposalMapper mapper;
  @Autowired Proposals proposals;
  @Autowired SessionMapper sessions;
  @Autowired DepartmentMapper departments;
  @Autowired JdbcTemplate jdbc;

  Session session;

  @BeforeEach
  void session() {
    session = TestRecords.session(sessions);
  }

  @Test
  void storesAProposalWithItsCoSignersInOrder() {
    Proposal p = ProposalFixtures.store(proposals, session.id(), session.name(), "911100");

    Proposal found = mapper.findById(p.getId()).orElseThrow();
    assertThat(found.getNumber()).isEqualTo("911100");
    assertThat(found.getSessionName()).isEqualTo(session.name());
    assertThat(found.getTitle()).isEqualTo("关于加强对网红直播带货市场监督管理的建议");
    assertThat(found.getCoSigners()).containsExactly("李明", "王芳");
    assertThat(found.getStatus()).isEqualTo(ProposalStatus.REGISTERED);
    assertThat(found.getSubmittedAt()).isEqualTo(Instant.parse("2021-12-29T01:00:00Z"));
    assertThat(mapper.findByNumber(session.id(), "911100"))
        .get()
        .extracting(Proposal::getId)
        .isEqualTo(p.getId());
  }

  @Test
  void numberIsUniqueWithinASessionOnly() {
    ProposalFixtures.store(proposals, session.id(), session.name(), "100");
    assertThatThrownBy(() -> ProposalFixtures.store(proposals, session.id(), session.name(), "100"))
        .isInstanceOf(DuplicateKeyException.class);
    Session other = TestRecords.session(sessions);
    ProposalFixtures.store(proposals, other.id(), other.name(), "100");
  }

  @Test
  void saveChecksTheVersionRead() {
    Proposal p = ProposalFixtures.store(proposals, session.id(), session.name(), "200");
    Proposal first = proposals.get(p.getId());
    // someone else's read, in their own transaction
    Proposal second = mapper.findById(p.getId()).orElseThrow();

    first.moveTo(ProposalStatus.ASSIGNING, null, Instant.now());
    proposals.save(first);
    second.moveTo(ProposalStatus.REFUSED, "重复", Instant.now());

    assertThatThrownBy(() -> proposals.save(second)).isInstanceOf(ConflictException.class);
    assertThat(proposals.get(p.getId()).getStatus()).isEqualTo(ProposalStatus.ASSIGNING);
    assertThat(proposals.get(p.getId()).getVersion()).isEqualTo(1);
  }

  @Test
  void aTransactionReadsAProposalOnce() {
    Proposal p = ProposalFixtures.store(proposals, session.id(), session.name(), "210");
    Proposal read = proposals.get(p.getId());
    jdbc.update("UPDATE cf_proposal SET title = '别处改过' WHERE id = ?", p.getId());

    assertThat(proposals.get(p.getId())).isSameAs(read);
    assertThat(proposals.find(p.getId())).containsSame(read);
    assertThat(read.getTitle()).isNotEqualTo("别处改过");

    read.moveTo(ProposalStatus.ASSIGNING, null, Instant.now());
    proposals.save(read);
    assertThat(proposals.get(p.getId())).isSameAs(read);
    assertThat(proposals.get(p.getId()).getVersion()).isEqualTo(1);
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void withoutATransactionEveryReadIsFresh() {
    Proposal p = ProposalFixtures.store(proposals, session.id(), session.name(), "220");
    try {
      Proposal read = proposals.get(p.getId());
      jdbc.update("UPDATE cf_proposal SET title = '别处改过' WHERE id = ?", p.getId());
      Proposal again = proposals.get(p.getId());
      assertThat(again).isNotSameAs(read);
      assertThat(again.getTitle()).isEqualTo("别处改过");
    } finally {
      jdbc.update("DELETE FROM cf_proposal_co_signer WHERE proposal_id = ?", p.getId());
      jdbc.update("DELETE FROM cf_proposal WHERE id = ?", p.getId());
      jdbc.update("DELETE FROM cf_session WHERE id = ?", session.id());
    }
  }

  @Test
  void searchFiltersByStatusTextDepartmentAndPages() {
    Proposal a = ProposalFixtures.store(proposals, session.id(), session.name(), "301");
    Proposal b = ProposalFixtures.store(proposals, session.id(), session.name(), "302");
    ProposalFixtures.store(proposals, session.id(), session.name(), "303");
    b.moveTo(ProposalStatus.ASSIGNING, null, Instant.now());
    proposals.save(b);
    Department d = TestRecords.department(departments, "市场监督管理局");
    jdbc.update(
        "INSERT INTO cf_assignment (proposal_id, department_code, role, state, due_date,"
            + " sign_for_due_date, assigned_at, assigned_by) VALUES (?, ?, 'LEAD',"
            + " 'AWAITING_SIGN_FOR', DATE '2026-12-31', DATE '2026-12-07', CURRENT_TIMESTAMP,"
            + " 'registrar')",
        a.getId(),
        d.code());

    assertThat(search(null, null, null, 0, 20)).hasSize(3);
    assertThat(search(ProposalStatus.ASSIGNING, null, null, 0, 20))
        .extracting(Proposal::getNumber)
        .containsExactly("302");
    assertThat(search(null, null, d.code(), 0, 20))
        .extracting(Proposal::getNumber)
        .containsExactly("301");
    assertThat(search(null, "直播带货", null, 0, 20)).hasSize(3);
    assertThat(search(null, "302", null, 0, 20))
        .extracting(Proposal::getNumber)
        .containsExactly("302");
    assertThat(search(null, "100%_", null, 0, 20)).isEmpty();
    assertThat(search(null, null, null, 1, 2)).hasSize(1);
    assertThat(mapper.count(criteria(null, null, null, 0, 2))).isEqualTo(3);
  }

  @Test
  void sortsByNumber() {
    ProposalFixtures.store(proposals, session.id(), session.name(), "502");
    ProposalFixtures.store(proposals, session.id(), session.name(), "501");
    ProposalCriteria byNumber =
        new ProposalCriteria(
            session.id(), null, null, null, null, null, ProposalSort.NUMBER, 0, 10);
    assertThat(mapper.search(byNumber))
        .extracting(Proposal::getNumber)
        .containsExactly("501", "502");
  }

  private java.util.List<Proposal> search(
      ProposalStatus status, String q, String department, int page, int size) {
    return mapper.search(criteria(status, q, department, page, size));
  }

  private ProposalCriteria criteria(
      ProposalStatus status, String q, String department, int page, int size) {
    return new ProposalCriteria(session.id(), status, department, q, null, null, null, page, size);
  }
}
