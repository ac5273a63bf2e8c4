package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.civicflow.domain.MapperTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

class ReplyDraftMapperTest extends MapperTestBase {

  @Autowired ReplyDraftMapper drafts;

  private ReplyDraft draft(int version, Disclosure disclosure) {
    ReplyDraft d =
        new ReplyDraft(
            proposal.getId(),
            department.code(),
            version,
            1,
            new DraftInput(
                "金淼代表:\n您提出的建议收悉。第" + version + "稿。",
                ReplyCategory.of("B"),
                ContactMethod.PHONE,
                "2022年5月电话沟通",
                disclosure,
                disclosure == Disclosure.NOT_PUBLIC ? "涉及个人信息" : null),
            "scjg.handler",
            Instant.parse("2022-05-0" + version + "T01:00:00Z"));
    drafts.insert(d);
    return d;
  }

  @Test
  void versionsWithTheirDecisionsAndComments() {
    ReplyDraft v1 = draft(1, Disclosure.PUBLIC);
    drafts.insertDecision(
        new DraftDecision(
            null,
            v1.getId(),
            ReviewStage.REVIEW,
            "reviewDraft",
            Verdict.RETURN,
            "请补充监管措施",
            "scjg.reviewer",
            Instant.parse("2022-05-02T01:00:00Z")));
    drafts.updateState(v1.getId(), DraftState.SUBMITTED, DraftState.RETURNED);
    ReplyDraft v2 = draft(2, Disclosure.PUBLIC);

    assertThat(drafts.maxVersion(proposal.getId(), department.code())).isEqualTo(2);
    ReplyDraft first = drafts.findVersion(proposal.getId(), department.code(), 1).orElseThrow();
    assertThat(first.getState()).isEqualTo(DraftState.RETURNED);
    assertThat(first.getDecisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.verdict()).isEqualTo(Verdict.RETURN);
              assertThat(d.comment()).isEqualTo("请补充监管措施");
              assertThat(d.draftId()).isEqualTo(v1.getId());
            });
    ReplyDraft latest = drafts.findLatest(proposal.getId(), department.code()).orElseThrow();
    assertThat(latest.getId()).isEqualTo(v2.getId());
    assertThat(latest.getDecisions()).isEmpty();
    assertThat(latest.getCategory()).isEqualTo(ReplyCategory.of("B"));
    assertThat(latest.getContactMethod()).isEqualTo(ContactMethod.PHONE);
    assertThat(drafts.findByProposal(proposal.getId()))
        .extracting(ReplyDraft::getVersion)
        .containsExactly(1, 2);
  }

  @Test
  void aVersionNumberAndAStageDecisionExistOnce() {
    ReplyDraft v1 = draft(1, Disclosure.NOT_PUBLIC);
    assertThat(
            drafts
                .findVersion(proposal.getId(), department.code(), 1)
                .orElseThrow()
                .getNonDisclosureReason())
        .isEqualTo("涉及个人信息");
    assertThatThrownBy(() -> draft(1, Disclosure.PUBLIC)).isInstanceOf(DuplicateKeyException.class);
    DraftDecision approve =
        new DraftDecision(
            null,
            v1.getId(),
            ReviewStage.REVIEW,
            "reviewDraft",
            Verdict.APPROVE,
            null,
            "a",
            Instant.now());
    drafts.insertDecision(approve);
    assertThatThrownBy(() -> drafts.insertDecision(approve))
        .isInstanceOf(DuplicateKeyException.class);
    drafts.insertDecision(
        new DraftDecision(
            null,
            v1.getId(),
            ReviewStage.REVIEW,
            "secondReview",
            Verdict.APPROVE,
            null,
            "b",
            Instant.now()));
    assertThat(
            drafts.findVersion(proposal.getId(), department.code(), 1).orElseThrow().getDecisions())
        .extracting(DraftDecision::step)
        .containsExactly("reviewDraft", "secondReview");
  }

  @Test
  void stateMovesOnlyFromTheExpectedState() {
    ReplyDraft v1 = draft(1, Disclosure.PUBLIC);
    assertThat(drafts.updateState(v1.getId(), DraftState.SUBMITTED, DraftState.WITHDRAWN))
        .isEqualTo(1);
    assertThat(drafts.updateState(v1.getId(), DraftState.SUBMITTED, DraftState.REVIEWED)).isZero();
  }

  @Test
  void coHandlingOpinionsAreStoredOncePerDepartment() {
    drafts.insertOpinion(
        new CoHandlingOpinion(
            null,
            proposal.getId(),
            department.code(),
            "网信办将配合开展直播平台关键词监测。",
            false,
            "wxb.handler",
            Instant.now()));
    assertThat(drafts.findOpinions(proposal.getId()))
        .singleElement()
        .satisfies(o -> assertThat(o.opinion()).contains("关键词监测"));
    assertThatThrownBy(
            () ->
                drafts.insertOpinion(
                    new CoHandlingOpinion(
                        null,
                        proposal.getId(),
                        department.code(),
                        null,
                        true,
                        null,
                        Instant.now())))
        .isInstanceOf(DuplicateKeyException.class);
  }
}
