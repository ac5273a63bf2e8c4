package org.civicflow.portal.proposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicflow.engine.proposal.ProposalDetail;
import org.civicflow.engine.proposal.ProposalDetail.ActiveTask;
import org.civicflow.engine.proposal.ProposalDetail.AssignmentView;
import org.civicflow.portal.web.PortalFormat;
import org.springframework.stereotype.Component;

/**
 * The handling's stages at a glance — 登记 → 立案 → 交办 → 签收 → 拟稿 → 审核 → 签发 → 答复 → 测评 — each done,
 * current (with who holds it and until when) or to come. Computed from the process: the open tasks
 * the viewer may see; for a viewer who sees none (the proposer), the departments' assignments and
 * the proposal's status.
 */
@Component("progress")
public class ProgressStages {

  /** The stages in their order; their names are {@code progress.stage.<name>} in the bundles. */
  public static final List<String> STAGES =
      List.of(
          "register",
          "accept",
          "assign",
          "signFor",
          "draft",
          "review",
          "signOff",
          "reply",
          "feedback");

  private static final Map<String, Integer> BY_TASK =
      Map.ofEntries(
          Map.entry("reviewAcceptance", 1),
          Map.entry("assignDepartments", 2),
          Map.entry("decideReassignment", 2),
          Map.entry("signFor", 3),
          Map.entry("coHandlingOpinion", 4),
          Map.entry("draftReply", 4),
          Map.entry("reviewDraft", 5),
          Map.entry("signOff", 6),
          Map.entry("confirmNonDisclosure", 6),
          Map.entry("giveFeedback", 8));

  private static final Map<String, Integer> BY_STATUS =
      Map.of(
          "REGISTERED", 1,
          "ASSIGNING", 2,
          "HANDLING", 3,
          "REHANDLING", 4,
          "IN_REVIEW", 5,
          "REPLIED", 7,
          "AWAITING_FEEDBACK", 8);

  /** One stage: done, current or to come; who holds the current one (names) and its deadline. */
  public record Stage(String name, String state, List<String> holders, LocalDate due) {
    public boolean current() {
      return "current".equals(state);
    }
  }

  private final PortalFormat fmt;

  ProgressStages(PortalFormat fmt) {
    this.fmt = fmt;
  }

  /** The stages of a proposal as its viewer may see them. */
  public List<Stage> of(ProposalDetail p) {
    int current = currentStage(p);
    Set<String> holders = new LinkedHashSet<>();
    LocalDate due = null;
    for (ActiveTask t : p.activeTasks()) {
      if (BY_TASK.getOrDefault(t.key(), -1) == current) {
        holders.add(
            t.assignee() != null
                ? fmt.department(t.department()) + " " + fmt.person(t.assignee())
                : fmt.department(t.department()));
        due = earlier(due, t.dueDate());
      }
    }
    if (holders.isEmpty() && current >= 3 && current < 8) {
      for (AssignmentView a : p.assignments()) {
        if (stageOf(a) == current) {
          holders.add(
              a.departmentName() != null ? a.departmentName() : fmt.department(a.department()));
          due = earlier(due, a.dueDate());
        }
      }
    }
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < STAGES.size(); i++) {
      String state = i < current ? "done" : i == current ? "current" : "todo";
      stages.add(
          new Stage(
              STAGES.get(i),
              state,
              i == current ? List.copyOf(holders) : List.of(),
              i == current ? due : null));
    }
    return stages;
  }

  /** The stage the handling waits at: the earliest of the open tasks, else from the status. */
  static int currentStage(ProposalDetail p) {
    if ("CLOSED".equals(p.status())) {
      return STAGES.size();
    }
    int fromTasks =
        p.activeTasks().stream()
            .map(t -> BY_TASK.get(t.key()))
            .filter(i -> i != null)
            .min(Integer::compare)
            .orElse(-1);
    if (fromTasks >= 0) {
      return fromTasks;
    }
    int fromAssignments =
        p.assignments().stream()
            .mapToInt(ProgressStages::stageOf)
            .filter(i -> i >= 0)
            .min()
            .orElse(-1);
    if (fromAssignments >= 0 && BY_STATUS.getOrDefault(p.status(), -1) >= 3) {
      return fromAssignments;
    }
    return BY_STATUS.getOrDefault(p.status(), 1);
  }

  /** How far one department's assignment has come. */
  private static int stageOf(AssignmentView a) {
    if ("AWAITING_SIGN_FOR".equals(a.state()) || "REASSIGNMENT_REQUESTED".equals(a.state())) {
      return 3;
    }
    if (!"SIGNED_FOR".equals(a.state())
        || a.stage() == null
        || !"LEAD".equals(a.role()) && !"SEPARATE".equals(a.role())) {
      return -1;
    }
    return switch (a.stage()) {
      case "DRAFTING" -> 4;
      case "IN_REVIEW" -> 5;
      case "REPLIED" -> 7;
      case "AWAITING_FEEDBACK" -> 8;
      default -> -1;
    };
  }

  private LocalDate earlier(LocalDate due, Object next) {
    LocalDate d =
        next instanceof Date date
            ? LocalDate.parse(fmt.date(date))
            : next instanceof LocalDate l ? l : null;
    return d == null || due != null && !d.isBefore(due) ? due : d;
  }
}
