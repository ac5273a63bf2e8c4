package org.civicflow.portal.letter;

import java.util.List;
import org.civicflow.domain.notification.Notification;
import org.civicflow.domain.notification.NotificationKind;
import org.civicflow.domain.notification.Notifications;
import org.civicflow.domain.notification.OutboxMessage;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.signoff.ReplySigning;
import org.civicflow.portal.notification.MailAttachments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mail that tells the proposer a reply was sent carries the signed PDF letter of that reply —
 * the same bytes as the download. A letter that cannot be made (a record that no longer matches its
 * seal, a department without a certificate) leaves the mail without it, logged.
 */
@Component
class ReplyLetterMailAttachment implements MailAttachments {

  private static final Logger LOG = LoggerFactory.getLogger(ReplyLetterMailAttachment.class);

  private final Notifications notifications;
  private final Publications publications;
  private final ReplySigning signing;
  private final LetterContents contents;
  private final PdfLetters letters;

  ReplyLetterMailAttachment(
      Notifications notifications,
      Publications publications,
      ReplySigning signing,
      LetterContents contents,
      PdfLetters letters) {
    this.notifications = notifications;
    this.publications = publications;
    this.signing = signing;
    this.contents = contents;
    this.letters = letters;
  }

  @Override
  public List<Attachment> of(OutboxMessage message) {
    Notification n = notifications.find(message.notificationId()).orElse(null);
    if (n == null || n.kind() != NotificationKind.REPLY_SENT || n.departmentCode() == null) {
      return List.of();
    }
    try {
      Publication latest = publications.current(n.proposalId(), n.departmentCode());
      LetterContent c = contents.of(signing.signedReply(n.proposalId(), latest.getId()));
      return List.of(
          new Attachment(c.filenameBase() + ".pdf", letters.issued(c).pdf(), "application/pdf"));
    } catch (RuntimeException noLetter) {
      LOG.warn(
          "The reply-sent mail {} goes without its letter: {}", message.id(), noLetter.toString());
      return List.of();
    }
  }
}
