package org.civicflow.engine.task;

import static org.civicflow.engine.task.FormField.choice;
import static org.civicflow.engine.task.FormField.longText;
import static org.civicflow.engine.task.FormField.requiredWhen;
import static org.civicflow.engine.task.FormField.text;

import java.util.List;
import org.civicflow.domain.resultcategory.CategoryScheme;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.ProposalHandlingVariables;

/** The form fields of each task key: the documented completion bodies of the API contract. */
final class TaskForms {

  private TaskForms() {}

  /**
   * The form of {@code key} with the result categories of {@code scheme}: the choice of {@code
   * category} offers its codes, and {@code commitments} is required when the category is one that
   * requires them ({@code category=B}, {@code category=B|C}).
   */
  static List<FormField> of(TaskKey key, CategoryScheme scheme) {
    String promising = "category=" + String.join("|", scheme.promising());
    return of(key).stream()
        .map(
            f -> {
              if (f.name().equals("category") && f.type().equals("choice")) {
                return new FormField(f.name(), f.type(), f.required(), scheme.codes(), null);
              }
              if (f.name().equals("commitments")) {
                return scheme.promising().isEmpty() ? f : requiredWhen(f, promising);
              }
              return f;
            })
        .toList();
  }

  static List<FormField> of(TaskKey key) {
    return switch (key) {
      case reviewAcceptance ->
          List.of(
              choice("decision", true, "ACCEPT", "REFUSE", "MERGE"),
              requiredWhen(text("reason", false), "decision=REFUSE"),
              requiredWhen(FormField.of("mergeIntoId", "number"), "decision=MERGE"));
      case assignDepartments ->
          List.of(
              choice("mode", true, "LEAD_CO", "SEPARATE"),
              requiredWhen(text("lead", false), "mode=LEAD_CO"),
              FormField.of("co", "list"),
              requiredWhen(FormField.of("departments", "list"), "mode=SEPARATE"),
              FormField.of("dueDate", "date"),
              FormField.of("key", "boolean"),
              FormField.of("complex", "boolean"));
      case signFor ->
          List.of(
              choice("decision", true, "ACCEPT", "REQUEST_REASSIGNMENT"),
              requiredWhen(text("reason", false), "decision=REQUEST_REASSIGNMENT"));
      case decideReassignment ->
          List.of(
              choice("decision", true, "APPROVE", "REFUSE"),
              requiredWhen(text("comment", false), "decision=REFUSE"));
      case coHandlingOpinion -> List.of(longText("opinion", true));
      case draftReply ->
          List.of(
              longText("replyText", true),
              choice("category", true, "A", "B", "C"),
              choice("contactMethod", true, "MEETING", "VISIT", "PHONE", "NONE"),
              requiredWhen(text("contactNote", false), "contactMethod!=NONE"),
              choice("disclosure", true, "PUBLIC", "NOT_PUBLIC"),
              requiredWhen(text("nonDisclosureReason", false), "disclosure=NOT_PUBLIC"),
              requiredWhen(FormField.of("commitments", "commitments"), "category=B"),
              FormField.of("drewFrom", "list"));
      case reviewDraft, signOff ->
          List.of(
              choice("decision", true, "APPROVE", "RETURN"),
              requiredWhen(longText("comment", false), "decision=RETURN"));
      case confirmNonDisclosure ->
          List.of(
              choice("decision", true, "CONFIRM", "PUBLISH"),
              requiredWhen(text("comment", false), "decision=PUBLISH"));
      case giveFeedback ->
          List.of(
              choice("workRating", true, "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"),
              choice("resultRating", true, "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"),
              requiredWhen(longText("comment", false), "resultRating=UNSATISFIED"));
      case decideExtension ->
          List.of(
              choice("decision", true, "APPROVE", "REFUSE"),
              FormField.of("newDueDate", "date"),
              requiredWhen(text("comment", false), "decision=REFUSE"));
      case superviseOverdue, superviseCommitment -> List.of(longText("comment", true));
      case reportCommitment ->
          List.of(choice("kind", true, "PROGRESS", "KEPT"), longText("text", true));
      case reviewCommitmentReport, signSupplementaryReply ->
          List.of(
              choice("decision", true, "APPROVE", "RETURN"),
              requiredWhen(longText("comment", false), "decision=RETURN"));
      case decideResultCategory ->
          List.of(choice("category", true, "A", "B", "C"), longText("comment", false));
      case reportBeforeSession -> List.of(longText("text", true));
    };
  }

  /** The process variables a task's form shows (never the whole variable set). */
  static List<String> contextVariables(TaskKey key) {
    return switch (key) {
      case assignDepartments -> List.of(ProposalHandlingVariables.SUGGESTED_LEAD);
      case decideExtension ->
          List.of(
              DepartmentHandlingVariables.REQUESTED_EXTENSION_DATE,
              DepartmentHandlingVariables.EXTENSION_REASON);
      case reportCommitment,
          reviewCommitmentReport,
          signSupplementaryReply,
          superviseCommitment,
          decideResultCategory,
          reportBeforeSession ->
          List.of(CommitmentFollowUpVariables.COMMITMENT_ID);
      default -> List.of();
    };
  }
}
