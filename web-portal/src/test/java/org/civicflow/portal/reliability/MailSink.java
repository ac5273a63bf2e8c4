package org.civicflow.portal.reliability;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) that the application processes send their mail to. The outbox
 * gives every message the Message-ID {@code <outbox-ID@civicflow>}, so a message handed over twice
 * shows as two deliveries of one id.
 */
final class MailSink implements AutoCloseable {

  private static final Pattern OUTBOX_ID = Pattern.compile("<outbox-(\\d+)@civicflow>");

  private final int port = AppProcess.freePort();
  private final GreenMail server =
      new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  MailSink start() {
    server.start();
    return this;
  }

  /** The settings that point an application process at this server. */
  List<String> args() {
    return List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port);
  }

  /** How often each outbox message (by the id in its Message-ID) was received. */
  Map<Long, Long> deliveriesByOutboxId() {
    Map<Long, Long> counts = new HashMap<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      try {
        Matcher id = OUTBOX_ID.matcher(String.valueOf(m.getMessageID()));
        if (id.find()) {
          counts.merge(Long.parseLong(id.group(1)), 1L, Long::sum);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return counts;
  }

  @Override
  public void close() {
    server.stop();
  }
}
