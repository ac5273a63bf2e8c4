package org.civicflow.portal.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.civicflow.engine.proposal.ProposalDetail;
import org.civicflow.engine.proposal.ProposalDetail.ActiveTask;
import org.civicflow.engine.proposal.ProposalDetail.AssignmentView;
import org.civicflow.portal.web.PortalFormat;
import org.junit.jupiter.api.Test;

class ProgressStagesTest {

  final PortalFormat fmt = mock(PortalFormat.class);
  final ProgressStages progress;

  ProgressStagesTest() {
    when(fmt.department(anyString())).thenAnswer(i -> "dept " + i.getArgument(0));
    when(fmt.person(anyString())).thenAnswer(i -> "person " + i.getArgument(0));
    when(fmt.date(org.mockito.ArgumentMatchers.any()))
        .thenAnswer(
            i ->
                ((Date) i.getArgument(0))
                    .toInstant()
                    .atZone(ZoneId.of("Asia/Shanghai"))
                    .toLocalDate()
                    .toString());
    progress = new ProgressStages(fmt);
  }

  static ProposalDetail proposal(String status, List<ActiveTask> tasks, List<AssignmentView> a) {
    return new ProposalDetail(
        1,
        "s",
        "911100",
        "SUGGESTION",
        "t",
        "c",
        null,
        "p",
        "u",
        List.of(),
        null,
        null,
        status,
        null,
        null,
        false,
        true,
        tasks,
        a,
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static Date day(String iso) {
    return Date.from(LocalDate.parse(iso).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  static List<String> states(List<ProgressStages.Stage> stages) {
    return stages.stream().map(s -> s.name() + ":" + s.state()).toList();
  }

  @Test
  void theLeadersSignOffIsCurrentWithItsHolderAndDeadline() {
    var stages =
        progress.of(
            proposal(
                "IN_REVIEW",
                List.of(
                    new ActiveTask("t", "signOff", "领导签发", "SCJG", null, day("2027-03-08"), null)),
                List.of()));
    assertThat(states(stages))
        .containsExactly(
            "register:done",
            "accept:done",
            "assign:done",
            "signFor:done",
            "draft:done",
            "review:done",
            "signOff:current",
            "reply:todo",
            "feedback:todo");
    assertThat(stages.get(6).holders()).containsExactly("dept SCJG");
    assertThat(stages.get(6).due()).isEqualTo(LocalDate.parse("2027-03-08"));
  }

  @Test
  void theProposerSeesTheStageFromTheAssignments() {
    AssignmentView lead =
        new AssignmentView(
            "SCJG",
            "市场监督管理局",
            "LEAD",
            "SIGNED_FOR",
            "DRAFTING",
            1,
            LocalDate.parse("2027-03-08"),
            null,
            false,
            null,
            null,
            null,
            0,
            null);
    var stages = progress.of(proposal("HANDLING", List.of(), List.of(lead)));
    assertThat(stages.get(4).current()).isTrue();
    assertThat(stages.get(4).holders()).containsExactly("市场监督管理局");
  }

  @Test
  void aClosedProposalHasEveryStageDone() {
    assertThat(progress.of(proposal("CLOSED", List.of(), List.of())))
        .allMatch(s -> s.state().equals("done"));
  }

  @Test
  void aNewProposalWaitsForAcceptance() {
    assertThat(states(progress.of(proposal("REGISTERED", List.of(), List.of()))).subList(0, 3))
        .containsExactly("register:done", "accept:current", "assign:todo");
  }
}
