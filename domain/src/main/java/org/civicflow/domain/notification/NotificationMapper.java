package org.civicflow.domain.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of notifications and of the outbox of messages that carry them. */
@Mapper
interface NotificationMapper {

  /** Inserts unless this occurrence was already told to this person; returns the rows inserted. */
  int insertOnce(NotificationRow row);

  Optional<Notification> findById(@Param("id") long id);

  Optional<Long> findId(
      @Param("occurrence") String occurrence, @Param("recipient") String recipient);

  List<Notification> page(
      @Param("recipient") String recipient,
      @Param("unreadOnly") boolean unreadOnly,
      @Param("limit") int limit,
      @Param("offset") long offset);

  long count(@Param("recipient") String recipient, @Param("unreadOnly") boolean unreadOnly);

  int markRead(
      @Param("recipient") String recipient, @Param("id") Long id, @Param("now") Instant now);

  boolean isRecipient(@Param("recipient") String recipient, @Param("id") long id);

  int insertMessage(OutboxMessage message);

  List<OutboxMessage> dueMessages(@Param("now") Instant now, @Param("limit") int limit);

  /** Takes a message for sending until the lease ends; 0 when another node took it first. */
  int claim(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("now") Instant now,
      @Param("until") Instant until);

  int markSent(@Param("id") long id, @Param("owner") String owner, @Param("now") Instant now);

  int markFailed(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("error") String error,
      @Param("next") Instant next,
      @Param("giveUp") boolean giveUp);

  List<OutboxMessage> messagesOf(@Param("notificationId") long notificationId);

  /** A notification to insert: one occurrence told to one person. */
  final class NotificationRow {
    private Long id;
    private final String recipient;
    private final NewNotification n;
    private final Instant createdAt;

    public NotificationRow(String recipient, NewNotification n, Instant createdAt) {
      this.recipient = recipient;
      this.n = n;
      this.createdAt = createdAt;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }

    public String getRecipient() {
      return recipient;
    }

    public String getOccurrence() {
      return n.occurrence();
    }

    public NotificationKind getKind() {
      return n.kind();
    }

    public long getProposalId() {
      return n.proposalId();
    }

    public String getProposalNumber() {
      return n.proposalNumber();
    }

    public String getTitle() {
      return n.title();
    }

    public String getDepartmentCode() {
      return n.departmentCode();
    }

    public java.time.LocalDate getDueDate() {
      return n.dueDate();
    }

    public Instant getCreatedAt() {
      return createdAt;
    }
  }
}
