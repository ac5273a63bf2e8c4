package org.civicflow.portal.work;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.reply.TextDiff;
import org.civicflow.domain.signoff.ReplySigning;
import org.civicflow.engine.proposal.ProposalDetail;
import org.civicflow.engine.proposal.ProposalDetail.CommitmentView;
import org.civicflow.engine.proposal.ProposalDetail.DraftView;
import org.civicflow.engine.proposal.ProposalDetails;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.TaskView;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/** Assembles a task page: the task, its proposal, the department's drafts and the diff. */
@Component
class TaskPages {

  private final TaskWork work;
  private final ProposalDetails details;
  private final DepartmentDirectory departments;

  TaskPages(TaskWork work, ProposalDetails details, DepartmentDirectory departments) {
    this.work = work;
    this.details = details;
    this.departments = departments;
  }

  TaskPage of(
      String taskId, Caller caller, Map<String, Object> submitted, Map<String, String> errors) {
    TaskView task = work.get(taskId, caller);
    ProposalDetail proposal = details.of(task.proposalId(), caller);
    List<DraftView> drafts =
        proposal.drafts().stream()
            .filter(d -> task.department() != null && d.department().equals(task.department()))
            .sorted(Comparator.comparingInt(DraftView::version).reversed())
            .toList();
    TaskPage.DraftComparison diff = comparison(task.key(), drafts);
    String publicText =
        "signOff".equals(task.key()) && !drafts.isEmpty()
            ? ReplySigning.publicTextOf(drafts.get(0).text())
            : null;
    Map<String, Object> values = submitted != null ? asForm(submitted) : prefill(task, drafts);
    Object commitmentId = task.context().get(CommitmentFollowUpVariables.COMMITMENT_ID);
    CommitmentView commitment =
        commitmentId == null
            ? null
            : proposal.commitments().stream()
                .filter(c -> String.valueOf(c.id()).equals(commitmentId.toString()))
                .findFirst()
                .orElse(null);
    return new TaskPage(
        task, proposal, drafts, diff, publicText, departments.all(), values, errors, commitment);
  }

  /**
   * For review and sign-off: the change since the version that this stage returned last, or else
   * since the previous version.
   */
  static TaskPage.DraftComparison comparison(String key, List<DraftView> newestFirst) {
    if (!"reviewDraft".equals(key) && !"signOff".equals(key) || newestFirst.isEmpty()) {
      return null;
    }
    DraftView current = newestFirst.get(0);
    String stage = "reviewDraft".equals(key) ? "REVIEW" : "SIGN_OFF";
    Optional<DraftView> returned =
        newestFirst.stream()
            .skip(1)
            .filter(
                d ->
                    d.decisions().stream()
                        .anyMatch(x -> x.stage().equals(stage) && x.decision().equals("RETURN")))
            .findFirst();
    Optional<DraftView> base = returned.or(() -> newestFirst.stream().skip(1).findFirst());
    return base.map(
            b ->
                new TaskPage.DraftComparison(
                    b.version(),
                    current.version(),
                    returned.isPresent(),
                    TextDiff.diff(b.text(), current.text()),
                    TextDiff.diff(lines(b.commitments()), lines(current.commitments()))))
        .orElse(null);
  }

  /** Commitments one a line, as the diff compares them. */
  static String lines(List<CommitmentView> commitments) {
    StringBuilder b = new StringBuilder();
    for (CommitmentView c : commitments) {
      b.append(c.text()).append(" ｜ ").append(c.dueDate()).append(" ｜ ").append(c.measure());
      b.append('\n');
    }
    return b.toString();
  }

  /** The submitted body as the form shows it again: commitments back to their lines. */
  private static Map<String, Object> asForm(Map<String, Object> submitted) {
    Map<String, Object> values = new LinkedHashMap<>(submitted);
    if (values.get("commitments") instanceof List<?> list) {
      values.put("commitments", CommitmentLines.format(list));
    }
    return values;
  }

  private static Map<String, Object> prefill(TaskView task, List<DraftView> drafts) {
    Map<String, Object> values = new LinkedHashMap<>();
    switch (task.key()) {
      case "assignDepartments" -> {
        values.put("mode", "LEAD_CO");
        values.put(
            "lead", task.context().getOrDefault(ProposalHandlingVariables.SUGGESTED_LEAD, ""));
      }
      case "draftReply" -> {
        if (!drafts.isEmpty()) {
          // revising: start from the last version, whatever happened to it
          DraftView last = drafts.get(0);
          values.put("replyText", last.text());
          values.put("category", last.category());
          values.put("contactMethod", last.contactMethod());
          values.put("contactNote", last.contactNote());
          values.put("disclosure", last.disclosure());
          values.put("nonDisclosureReason", last.nonDisclosureReason());
          values.put("commitments", lines(last.commitments()).replace(" ｜ ", " | "));
        }
      }
      case "decideExtension" ->
          values.put(
              "newDueDate",
              task.context()
                  .getOrDefault(DepartmentHandlingVariables.REQUESTED_EXTENSION_DATE, ""));
      default -> {}
    }
    return values;
  }
}
