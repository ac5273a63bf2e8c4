package org.civicflow.domain.notification;

/** Sends messages of one channel out of the system (an SMTP server, an SMS provider). */
public interface MessageGateway {

  OutboxMessage.Channel channel();

  /**
   * Sends one message.
   *
   * @throws Exception when it could not be handed over; it is tried again later
   */
  void send(OutboxMessage message) throws Exception;
}
