package org.civicflow.domain.reply;

import java.util.List;

/**
 * What the handler submits as a reply draft (the body of the {@code draftReply} task).
 *
 * @param commitments what the reply promises; required for a category that promises action and
 *     refused for any other
 */
public record DraftInput(
    String replyText,
    ReplyCategory category,
    ContactMethod contactMethod,
    String contactNote,
    Disclosure disclosure,
    String nonDisclosureReason,
    List<CommitmentInput> commitments) {

  public DraftInput {
    commitments = commitments == null ? List.of() : List.copyOf(commitments);
  }

  /** A draft without commitments. */
  public DraftInput(
      String replyText,
      ReplyCategory category,
      ContactMethod contactMethod,
      String contactNote,
      Disclosure disclosure,
      String nonDisclosureReason) {
    this(
        replyText,
        category,
        contactMethod,
        contactNote,
        disclosure,
        nonDisclosureReason,
        List.of());
  }
}
