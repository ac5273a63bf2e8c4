package org.civicflow.engine.task;

import java.util.Arrays;
import java.util.Optional;

/** The task keys of the API contract: the ids of the models' user tasks. */
public enum TaskKey {
  reviewAcceptance,
  assignDepartments,
  signFor,
  decideReassignment,
  coHandlingOpinion,
  draftReply,
  reviewDraft,
  signOff,
  confirmNonDisclosure,
  giveFeedback,
  decideExtension,
  superviseOverdue;

  public static Optional<TaskKey> of(String id) {
    return Arrays.stream(values()).filter(k -> k.name().equals(id)).findFirst();
  }

  /** Whether the registrar's office does this step. */
  public boolean isRegistrars() {
    return switch (this) {
      case reviewAcceptance,
          assignDepartments,
          decideReassignment,
          confirmNonDisclosure,
          decideExtension,
          superviseOverdue ->
          true;
      default -> false;
    };
  }
}
