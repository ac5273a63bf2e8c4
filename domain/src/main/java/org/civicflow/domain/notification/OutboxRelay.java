package org.civicflow.domain.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends what the outbox holds. Any node may run it: a message is claimed with a lease before it is
 * sent, so two nodes never send it both; a failure is tried again with growing pauses, and given up
 * (status FAILED, kept for the record) after {@link #MAX_ATTEMPTS}.
 */
@Service
public class OutboxRelay {

  static final int MAX_ATTEMPTS = 8;
  static final Duration LEASE = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final NotificationMapper mapper;
  private final Map<OutboxMessage.Channel, MessageGateway> gateways =
      new EnumMap<>(OutboxMessage.Channel.class);
  private final Clock clock;
  private final String owner = "relay-" + UUID.randomUUID().toString().substring(0, 8);

  OutboxRelay(NotificationMapper mapper, List<MessageGateway> gateways, Clock clock) {
    this.mapper = mapper;
    gateways.forEach(g -> this.gateways.put(g.channel(), g));
    this.clock = clock;
  }

  /** Sends the messages that are due; returns how many went out. */
  public int sendDue() {
    Instant now = clock.instant();
    int sent = 0;
    for (OutboxMessage m : mapper.dueMessages(now, 100)) {
      if (mapper.claim(m.id(), owner, now, now.plus(LEASE)) != 1) {
        continue;
      }
      MessageGateway gateway = gateways.get(m.channel());
      try {
        if (gateway == null) {
          throw new IllegalStateException("no gateway for " + m.channel());
        }
        gateway.send(m);
        mapper.markSent(m.id(), owner, clock.instant());
        sent++;
      } catch (Exception e) {
        int attempts = m.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn(
            "Sending {} message {} failed (attempt {}): {}", m.channel(), m.id(), attempts, error);
        mapper.markFailed(
            m.id(),
            owner,
            error.length() > 1000 ? error.substring(0, 1000) : error,
            clock.instant().plus(Duration.ofMinutes(1L << Math.min(attempts, 10))),
            giveUp);
      }
    }
    return sent;
  }
}
