package org.civicflow.portal.notification;

import org.civicflow.domain.notification.MessageGateway;
import org.civicflow.domain.notification.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway until a provider is contracted: it logs the message with the number shortened. A
 * provider's gateway is another {@link MessageGateway} bean for the SMS channel.
 */
@Component
@ConditionalOnMissingBean(name = "smsProviderGateway")
class LoggingSmsGateway implements MessageGateway {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

  @Override
  public OutboxMessage.Channel channel() {
    return OutboxMessage.Channel.SMS;
  }

  @Override
  public void send(OutboxMessage message) {
    String n = message.address();
    String shown = n.length() <= 4 ? "****" : "****" + n.substring(n.length() - 4);
    LOG.info("SMS to {}: {}", shown, message.body());
  }
}
