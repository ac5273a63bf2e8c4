package org.civicflow.domain.reply;

/** What the handler submits as a reply draft (the body of the {@code draftReply} task). */
public record DraftInput(
    String replyText,
    ReplyCategory category,
    ContactMethod contactMethod,
    String contactNote,
    Disclosure disclosure,
    String nonDisclosureReason) {}
