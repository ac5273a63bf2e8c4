package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.MapperTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CommitmentMapperTest extends MapperTestBase {

  @Autowired ReplyDraftMapper drafts;
  @Autowired CommitmentMapper commitments;

  private ReplyDraft draft(int version, List<CommitmentInput> promised) {
    ReplyDraft d =
        new ReplyDraft(
            proposal.getId(),
            department.code(),
            version,
            1,
            new DraftInput(
                "金淼代表:\n您提出的建议收悉。",
                ReplyCategory.of("B"),
                ContactMethod.PHONE,
                "电话沟通",
                Disclosure.PUBLIC,
                null,
                promised),
            "scjg.handler",
            Instant.parse("2022-05-0" + version + "T01:00:00Z"));
    drafts.insert(d);
    for (int i = 0; i < promised.size(); i++) {
      commitments.insert(new Commitment(d, i + 1, promised.get(i)));
    }
    return d;
  }

  @Test
  void eachVersionKeepsItsOwnCommitmentsInOrder() {
    CommitmentInput watch =
        new CommitmentInput("建立重点账号监测名单", LocalDate.parse("2022-12-31"), "名单印发");
    ReplyDraft v1 = draft(1, List.of(watch));
    ReplyDraft v2 =
        draft(
            2,
            List.of(
                watch, new CommitmentInput("印发合规指引", LocalDate.parse("2023-03-31"), "指引印发,培训2场")));

    assertThat(commitments.findByDraft(v1.getId()))
        .extracting(Commitment::getText)
        .containsExactly("建立重点账号监测名单");
    List<Commitment> second = commitments.findByDraft(v2.getId());
    assertThat(second).extracting(Commitment::getSeq).containsExactly(1, 2);
    Commitment guide = second.get(1);
    assertThat(guide.getId()).isNotNull();
    assertThat(guide.getProposalId()).isEqualTo(proposal.getId());
    assertThat(guide.getDepartmentCode()).isEqualTo(department.code());
    assertThat(guide.getDueDate()).isEqualTo(LocalDate.parse("2023-03-31"));
    assertThat(guide.getMeasure()).isEqualTo("指引印发,培训2场");
    assertThat(guide.getState()).isEqualTo(CommitmentState.OPEN);
    assertThat(guide.getKeptAt()).isNull();
    assertThat(commitments.findByProposal(proposal.getId())).hasSize(3);
    assertThat(commitments.findByPublication(-1)).isEmpty();
  }
}
