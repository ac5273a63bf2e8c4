package org.civicflow.portal.notification;

import org.civicflow.domain.notification.OutboxRelay;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the outbox's due mail and SMS every little while, on every node (claims keep it once). */
@Component
class OutboxSchedule {

  private final OutboxRelay relay;

  OutboxSchedule(OutboxRelay relay) {
    this.relay = relay;
  }

  @Scheduled(
      fixedDelayString = "${civicflow.outbox.interval:PT15S}",
      initialDelayString = "${civicflow.outbox.initial-delay:PT20S}")
  void send() {
    relay.sendDue();
  }
}
