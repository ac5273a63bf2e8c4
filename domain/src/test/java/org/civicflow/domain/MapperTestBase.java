package org.civicflow.domain;

import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentMapper;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalFixtures;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionMapper;
import org.junit.jupiter.api.BeforeEach;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Mapper tests of the handling records: each starts with a stored proposal and department. */
@MybatisTest
@Import(Proposals.class)
public abstract class MapperTestBase {

  @Autowired protected Proposals proposals;
  @Autowired protected SessionMapper sessions;
  @Autowired protected DepartmentMapper departments;

  protected Proposal proposal;
  protected Department department;

  @BeforeEach
  void storeProposal() {
    Session session = TestRecords.session(sessions);
    proposal = ProposalFixtures.store(proposals, session.id(), session.name(), "911100");
    department = TestRecords.department(departments, "市场监督管理局");
  }
}
