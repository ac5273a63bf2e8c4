package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.engine.task.TaskAccessRule.Verdict;
import org.junit.jupiter.api.Test;

/** The access rule over given task facts: an assignee, candidate links, a caller. */
class TaskAccessRuleTest {

  SeparationOfDuties separation = mock(SeparationOfDuties.class);
  TaskAccessRule rule = new TaskAccessRule(separation);

  Caller handler =
      new Caller("scjg.handler", "SCJG", Set.of(Role.HANDLER), List.of("SCJG-handler"));
  Caller colleague =
      new Caller("scjg.handler2", "SCJG", Set.of(Role.HANDLER), List.of("SCJG-handler"));
  Caller stranger = new Caller("swj.handler", "SWJ", Set.of(Role.HANDLER), List.of("SWJ-handler"));

  /** The task's links: SCJG's handlers are its candidates. */
  Supplier<List<IdentityLink>> scjgHandlers = () -> List.of(group("SCJG-handler"));

  @Test
  void theAssigneeAndTheCandidatesSeeATaskAStrangerDoesNot() {
    assertThat(rule.toView(null, scjgHandlers, handler)).isEqualTo(Verdict.MAY);
    assertThat(rule.toView("scjg.handler2", scjgHandlers, handler)).isEqualTo(Verdict.MAY);
    assertThat(rule.toView(null, scjgHandlers, stranger)).isEqualTo(Verdict.NOT_YOURS);
    // an assignee who is no longer a candidate still sees the task
    assertThat(rule.toView("swj.handler", scjgHandlers, stranger)).isEqualTo(Verdict.MAY);
  }

  @Test
  void aCandidateUserCountsAsACandidateGroupDoes() {
    Supplier<List<IdentityLink>> named = () -> List.of(user("swj.handler"));
    assertThat(rule.toView(null, named, stranger)).isEqualTo(Verdict.MAY);
    assertThat(rule.toClaim(null, named, stranger)).isEqualTo(Verdict.MAY);
    assertThat(rule.toView(null, named, handler)).isEqualTo(Verdict.NOT_YOURS);
  }

  @Test
  void onlyCandidateLinksCount() {
    IdentityLink owner = group("SWJ-handler");
    ((IdentityLinkEntity) owner).setType(IdentityLinkType.OWNER);
    assertThat(rule.toComplete(null, () -> List.of(owner), stranger)).isEqualTo(Verdict.NOT_YOURS);
  }

  @Test
  void aCandidateClaimsAFreeTaskAndIsToldWhenAColleagueHoldsIt() {
    assertThat(rule.toClaim(null, scjgHandlers, handler)).isEqualTo(Verdict.MAY);
    assertThat(rule.toClaim("scjg.handler2", scjgHandlers, handler))
        .isEqualTo(Verdict.HELD_BY_OTHER);
  }

  @Test
  void claimingOnesOwnTaskIsNothingToDoAndReadsNoLinks() {
    assertThat(rule.toClaim("scjg.handler", () -> fail(), handler))
        .isEqualTo(Verdict.NOTHING_TO_DO);
  }

  @Test
  void aStrangerLearnsNothingNotEvenWhoHoldsTheTask() {
    assertThat(rule.toClaim("scjg.handler2", scjgHandlers, stranger)).isEqualTo(Verdict.NOT_YOURS);
    assertThat(rule.toUnclaim("scjg.handler2", scjgHandlers, stranger))
        .isEqualTo(Verdict.NOT_YOURS);
    assertThat(rule.toUnclaim(null, scjgHandlers, stranger)).isEqualTo(Verdict.NOT_YOURS);
    assertThat(rule.toComplete("scjg.handler2", scjgHandlers, stranger))
        .isEqualTo(Verdict.NOT_YOURS);
    assertThat(rule.toComplete(null, scjgHandlers, stranger)).isEqualTo(Verdict.NOT_YOURS);
  }

  @Test
  void onlyTheAssigneeGivesATaskBack() {
    assertThat(rule.toUnclaim("scjg.handler", () -> List.of(), handler)).isEqualTo(Verdict.MAY);
    assertThat(rule.toUnclaim("scjg.handler", scjgHandlers, colleague))
        .isEqualTo(Verdict.HELD_BY_OTHER);
    assertThat(rule.toUnclaim(null, scjgHandlers, handler)).isEqualTo(Verdict.NOTHING_TO_DO);
  }

  @Test
  void theAssigneeOrACandidateOfAFreeTaskCompletesIt() {
    assertThat(rule.toComplete("scjg.handler", () -> List.of(), handler)).isEqualTo(Verdict.MAY);
    assertThat(rule.toComplete(null, scjgHandlers, handler)).isEqualTo(Verdict.MAY);
    assertThat(rule.toComplete("scjg.handler", scjgHandlers, colleague))
        .isEqualTo(Verdict.HELD_BY_OTHER);
  }

  @Test
  void reviewAndSignOffAreCheckedForSeparationOfDuties() {
    rule.checkSeparation(TaskKey.reviewDraft, "SCJG", () -> 7L, handler);
    verify(separation).checkMayDecide(7L, "SCJG", ReviewStage.REVIEW, "scjg.handler");
    rule.checkSeparation(TaskKey.signOff, "SCJG", () -> 7L, handler);
    verify(separation).checkMayDecide(7L, "SCJG", ReviewStage.SIGN_OFF, "scjg.handler");
  }

  @Test
  void otherStepsAndTasksWithoutADepartmentAreNotAndTheirProposalIsNotRead() {
    rule.checkSeparation(TaskKey.draftReply, "SCJG", () -> fail(), handler);
    rule.checkSeparation(TaskKey.signOff, null, () -> fail(), handler);
    verify(separation, never())
        .checkMayDecide(anyLong(), anyString(), eq(ReviewStage.SIGN_OFF), anyString());
    verify(separation, never())
        .checkMayDecide(anyLong(), anyString(), eq(ReviewStage.REVIEW), anyString());
  }

  @Test
  void theDepartmentOfATaskIsNamedByItsKey() {
    assertThat(TaskAccessRule.departmentVariable(TaskKey.draftReply)).contains("department");
    assertThat(TaskAccessRule.departmentVariable(TaskKey.coHandlingOpinion))
        .contains("coDepartment");
    assertThat(TaskAccessRule.departmentVariable(TaskKey.decideExtension)).contains("department");
    assertThat(TaskAccessRule.departmentVariable(TaskKey.reviewAcceptance)).isEmpty();
    assertThat(TaskAccessRule.departmentVariable(TaskKey.assignDepartments)).isEmpty();
  }

  @Test
  void theCandidateGroupsAreTheGroupsOfCandidateLinks() {
    assertThat(
            TaskAccessRule.candidateGroups(
                List.of(group("SCJG-handler"), user("someone"), group("registrar"))))
        .containsExactly("SCJG-handler", "registrar");
  }

  private static <T> T fail() {
    throw new AssertionError("not to be read");
  }

  private static IdentityLink group(String group) {
    IdentityLinkEntity link = new IdentityLinkEntity();
    link.setType(IdentityLinkType.CANDIDATE);
    link.setGroupId(group);
    return link;
  }

  private static IdentityLink user(String user) {
    IdentityLinkEntity link = new IdentityLinkEntity();
    link.setType(IdentityLinkType.CANDIDATE);
    link.setUserId(user);
    return link;
  }
}
