package org.civicflow.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.civicflow.domain.TestRecords;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Notices once per occurrence and person, read marks, and the outbox relay with its leases. */
@MybatisTest
@Import({Notifications.class, OutboxRelay.class, NotificationMapperTest.Gateways.class})
class NotificationMapperTest {

  /** A mail gateway that records, and fails while told to. */
  static class RecordingGateway implements MessageGateway {
    final List<OutboxMessage> sent = new ArrayList<>();
    boolean failing;

    @Override
    public OutboxMessage.Channel channel() {
      return OutboxMessage.Channel.MAIL;
    }

    @Override
    public void send(OutboxMessage message) {
      if (failing) {
        throw new IllegalStateException("SMTP server down");
      }
      sent.add(message);
    }
  }

  @TestConfiguration
  static class Gateways {
    @Bean
    RecordingGateway mail() {
      return new RecordingGateway();
    }

    @Bean
    java.time.Clock clock() {
      return java.time.Clock.systemUTC();
    }
  }

  @Autowired Notifications notifications;
  @Autowired OutboxRelay relay;
  @Autowired RecordingGateway mail;
  @Autowired NotificationMapper mapper;

  private static User user(String name, boolean enabled) {
    User u =
        new User(
            name,
            name,
            "$2a$10$hash",
            null,
            EnumSet.of(Role.HANDLER),
            Instant.parse("2026-01-01T00:00:00Z"));
    u.setEmail(name + "@example.org");
    if (!enabled) {
      org.springframework.test.util.ReflectionTestUtils.setField(u, "enabled", false);
    }
    return u;
  }

  private static NewNotification reminder(String occurrence) {
    return new NewNotification(
        occurrence,
        NotificationKind.DEADLINE_APPROACHING,
        42L,
        "911100",
        "关于加强直播带货监管的建议",
        "SCJG",
        LocalDate.of(2026, 12, 31));
  }

  private List<Notifications.Message> mailFor(User u) {
    return List.of(
        new Notifications.Message(
            OutboxMessage.Channel.MAIL, u.getEmail(), "【催办】911100", "请在期限前办结。"));
  }

  @Test
  void eachOccurrenceIsToldToEachPersonOnce() {
    String occurrence = TestRecords.unique("sendReminder1@pi:");
    User a = user(TestRecords.unique("a"), true);
    User b = user(TestRecords.unique("b"), true);
    User off = user(TestRecords.unique("off"), false);

    assertThat(notifications.notify(reminder(occurrence), List.of(a, b, off, a), this::mailFor))
        .isEqualTo(2);
    assertThat(notifications.notify(reminder(occurrence), List.of(a, b), this::mailFor))
        .as("the retried job")
        .isZero();
    assertThat(notifications.unread(a.getUsername())).isOne();
    assertThat(notifications.unread(off.getUsername())).isZero();

    Notification n = notifications.page(a.getUsername(), false, 0, 20).items().get(0);
    assertThat(n.title()).isEqualTo("关于加强直播带货监管的建议");
    assertThat(n.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(notifications.find(n.id())).contains(n);
    assertThat(notifications.find(-1L)).isEmpty();
    assertThat(notifications.messagesOf(n.id()))
        .singleElement()
        .satisfies(m -> assertThat(m.address()).isEqualTo(a.getUsername() + "@example.org"));

    assertThatThrownBy(() -> notifications.markRead(b.getUsername(), n.id()))
        .as("not b's notice")
        .isInstanceOf(NotFoundException.class);
    notifications.markRead(a.getUsername(), n.id());
    assertThat(notifications.unread(a.getUsername())).isZero();
    assertThat(notifications.unread(b.getUsername())).isOne();
  }

  @Test
  void theRelaySendsEachMessageOnceAndRetriesFailures() {
    String occurrence = TestRecords.unique("overdue@pi:");
    User a = user(TestRecords.unique("relay"), true);
    notifications.notify(reminder(occurrence), List.of(a), this::mailFor);

    mail.failing = true;
    mail.sent.clear();
    relay.sendDue();
    long id = notifications.page(a.getUsername(), false, 0, 1).items().get(0).id();
    assertThat(notifications.messagesOf(id))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo("PENDING");
              assertThat(m.attempts()).isOne();
              assertThat(m.lastError()).contains("SMTP server down");
              assertThat(m.nextAttemptAt()).isAfter(Instant.now());
            });

    mail.failing = false;
    relay.sendDue();
    assertThat(mail.sent).as("not due again yet").isEmpty();
    assertThat(mapper.dueMessages(Instant.now().plusSeconds(3600), 100))
        .as("due after the back-off")
        .anySatisfy(m -> assertThat(m.notificationId()).isEqualTo(id));

    User b = user(TestRecords.unique("relayok"), true);
    notifications.notify(reminder(TestRecords.unique("ok@pi:")), List.of(b), this::mailFor);
    relay.sendDue();
    relay.sendDue();
    assertThat(mail.sent)
        .as("sent once")
        .singleElement()
        .satisfies(m -> assertThat(m.address()).isEqualTo(b.getUsername() + "@example.org"));
    long bId = notifications.page(b.getUsername(), false, 0, 1).items().get(0).id();
    assertThat(notifications.messagesOf(bId))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo("SENT");
              assertThat(m.sentAt()).isNotNull();
            });
  }
}
