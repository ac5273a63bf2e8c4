package org.civicflow.domain.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.identity.User;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Telling people: a notice in the portal for each recipient and the e-mails and SMS that carry it,
 * written in the caller's transaction. An occurrence is told to a person once, however often it is
 * raised (a retried job, a timer on two nodes).
 */
@Service
public class Notifications {

  /** A message for one channel, already in the recipient's words. */
  public record Message(
      OutboxMessage.Channel channel, String address, String subject, String body) {}

  /** One page of a person's notices. */
  public record Page(List<Notification> items, int page, int size, long total, long unread) {}

  private final NotificationMapper mapper;
  private final Clock clock;

  Notifications(NotificationMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Notifies each enabled recipient once for this occurrence.
   *
   * @param messages the e-mails and SMS for one recipient (may be none)
   * @return the notices created now (0 when all were told before)
   */
  @Transactional
  public int notify(
      NewNotification notice, List<User> recipients, Function<User, List<Message>> messages) {
    Map<String, User> unique = new LinkedHashMap<>();
    recipients.stream()
        .filter(User::isEnabled)
        .forEach(u -> unique.putIfAbsent(u.getUsername(), u));
    int created = 0;
    for (User user : unique.values()) {
      NotificationMapper.NotificationRow row =
          new NotificationMapper.NotificationRow(user.getUsername(), notice, clock.instant());
      int inserted;
      try {
        inserted = mapper.insertOnce(row);
      } catch (DuplicateKeyException concurrent) {
        inserted = 0; // another node told this person at the same moment
      }
      if (inserted != 1) {
        continue;
      }
      created++;
      for (Message m : messages.apply(user)) {
        if (m.address() == null || m.address().isBlank()) {
          continue;
        }
        mapper.insertMessage(
            new OutboxMessage(
                null,
                row.getId(),
                m.channel(),
                m.address().strip(),
                truncate(m.subject(), 300),
                truncate(m.body(), 4000),
                "PENDING",
                0,
                clock.instant(),
                null,
                null));
      }
    }
    return created;
  }

  @Transactional(readOnly = true)
  public Page page(String username, boolean unreadOnly, int page, int size) {
    int p = Math.max(0, page);
    int s = size <= 0 ? 20 : Math.min(size, 200);
    return new Page(
        mapper.page(username, unreadOnly, s, (long) p * s),
        p,
        s,
        mapper.count(username, unreadOnly),
        mapper.count(username, true));
  }

  @Transactional(readOnly = true)
  public long unread(String username) {
    return mapper.count(username, true);
  }

  /** Marks one of the person's notices read; someone else's is not found. */
  @Transactional
  public void markRead(String username, long id) {
    if (mapper.markRead(username, id, clock.instant()) == 0 && !mapper.isRecipient(username, id)) {
      throw new NotFoundException("notification", id);
    }
  }

  @Transactional
  public int markAllRead(String username) {
    return mapper.markRead(username, null, clock.instant());
  }

  /** A notice by its id (the mail of a sent reply looks up which reply it tells of). */
  @Transactional(readOnly = true)
  public java.util.Optional<Notification> find(long id) {
    return mapper.findById(id);
  }

  @Transactional(readOnly = true)
  public List<OutboxMessage> messagesOf(long notificationId) {
    return mapper.messagesOf(notificationId);
  }

  private static String truncate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
