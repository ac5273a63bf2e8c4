package org.civicflow.portal.notification;

import java.util.List;
import org.civicflow.domain.notification.OutboxMessage;

/** Files a mail carries besides its text (the signed reply letter of a sent reply, say). */
public interface MailAttachments {

  /** One attached file. */
  record Attachment(String filename, byte[] content, String contentType) {}

  /** The files of this message; none if it carries none (never fails the mail). */
  List<Attachment> of(OutboxMessage message);
}
