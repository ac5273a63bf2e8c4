package org.civicflow.portal.notification;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicflow.domain.notification.MessageGateway;
import org.civicflow.domain.notification.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the SMTP server of {@code spring.mail.*}; without one configured (the embedded
 * default) the mail is only logged, with the address shortened.
 */
@Component
class MailGateway implements MessageGateway {

  private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final ObjectProvider<MailAttachments> attachments;
  private final String from;

  MailGateway(
      ObjectProvider<JavaMailSender> sender,
      ObjectProvider<MailAttachments> attachments,
      @Value("${civicflow.mail.from:noreply@civicflow.example.org}") String from) {
    this.sender = sender;
    this.attachments = attachments;
    this.from = from;
  }

  @Override
  public OutboxMessage.Channel channel() {
    return OutboxMessage.Channel.MAIL;
  }

  @Override
  public void send(OutboxMessage message) throws Exception {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      LOG.info(
          "Mail (no SMTP server configured) to {}: {}",
          masked(message.address()),
          message.subject());
      return;
    }
    List<MailAttachments.Attachment> files =
        attachments.orderedStream().flatMap(a -> a.of(message).stream()).toList();
    MimeMessage mime = smtp.createMimeMessage();
    MimeMessageHelper mail =
        new MimeMessageHelper(mime, !files.isEmpty(), StandardCharsets.UTF_8.name());
    mail.setFrom(from);
    mail.setTo(message.address());
    mail.setSubject(message.subject());
    mail.setText(message.body());
    for (MailAttachments.Attachment f : files) {
      mail.addAttachment(f.filename(), new ByteArrayResource(f.content()), f.contentType());
    }
    // the same id on a resend lets mail systems drop the duplicate
    mime.saveChanges();
    mime.setHeader("Message-ID", "<outbox-" + message.id() + "@civicflow>");
    smtp.send(mime);
  }

  static String masked(String address) {
    int at = address.indexOf('@');
    return at <= 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
