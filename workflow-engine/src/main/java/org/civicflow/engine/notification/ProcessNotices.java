package org.civicflow.engine.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.notification.NewNotification;
import org.civicflow.domain.notification.NotificationKind;
import org.civicflow.domain.notification.Notifications;
import org.civicflow.domain.notification.OutboxMessage;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.engine.assignment.DeadlineApproaching;
import org.civicflow.engine.assignment.DeadlinePassed;
import org.civicflow.engine.commitment.CommitmentEvent;
import org.civicflow.engine.signoff.ReplySent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the processes' events into notices, in the transaction of the job that raised them: a
 * reminder and a passed deadline go to the department's handlers and to the registrars (by e-mail,
 * and by SMS when the deadline passed); a sent reply goes to the proposer. The occurrence key
 * includes the deadline, so a reminder after an extension is a new notice, a retried job is not.
 */
@Component
class ProcessNotices {

  /** Mail and SMS are written in the users' language, Chinese. */
  static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

  private final Notifications notifications;
  private final UserDirectory users;
  private final Proposals proposals;
  private final DepartmentDirectory departments;
  private final MessageSource messages;
  private final Clock clock;

  ProcessNotices(
      Notifications notifications,
      UserDirectory users,
      Proposals proposals,
      DepartmentDirectory departments,
      MessageSource messages,
      Clock clock) {
    this.notifications = notifications;
    this.users = users;
    this.proposals = proposals;
    this.departments = departments;
    this.messages = messages;
    this.clock = clock;
  }

  @EventListener
  void deadlineApproaching(DeadlineApproaching e) {
    notifyDepartment(
        NotificationKind.DEADLINE_APPROACHING,
        e.proposalId(),
        e.department(),
        e.dueDate(),
        "approaching:" + e.occurrence() + ":" + e.dueDate(),
        false);
  }

  @EventListener
  void deadlinePassed(DeadlinePassed e) {
    notifyDepartment(
        NotificationKind.DEADLINE_PASSED,
        e.proposalId(),
        e.department(),
        e.dueDate(),
        "passed:" + e.occurrence() + ":" + e.dueDate(),
        true);
  }

  @EventListener
  void replySent(ReplySent e) {
    Proposal p = proposals.get(e.proposalId());
    if (p.getProposerUsername() == null) {
      return;
    }
    List<User> proposer = users.find(List.of(p.getProposerUsername()));
    NewNotification notice =
        new NewNotification(
            "replySent:" + e.publicationId(),
            NotificationKind.REPLY_SENT,
            p.getId(),
            p.getNumber(),
            p.getTitle(),
            e.department(),
            null);
    notifications.notify(notice, proposer, u -> mail(u, notice));
  }

  @EventListener
  void commitment(CommitmentEvent e) {
    switch (e.kind()) {
      case APPROACHING ->
          notifyDepartment(
              NotificationKind.COMMITMENT_APPROACHING,
              e.proposalId(),
              e.department(),
              e.dueDate(),
              "commitmentDue:" + e.commitmentId() + ":" + e.dueDate(),
              false);
      case PASSED ->
          notifyDepartment(
              NotificationKind.COMMITMENT_PASSED,
              e.proposalId(),
              e.department(),
              e.dueDate(),
              "commitmentPassed:" + e.commitmentId(),
              false);
      case BEFORE_SESSION ->
          notifyDepartment(
              NotificationKind.COMMITMENT_BEFORE_SESSION,
              e.proposalId(),
              e.department(),
              e.dueDate(),
              "beforeSession:" + e.commitmentId() + ":" + LocalDate.now(clock),
              false);
      case SUPPLEMENTARY_SENT -> {
        Proposal p = proposals.get(e.proposalId());
        if (p.getProposerUsername() == null) {
          return;
        }
        NewNotification notice =
            new NewNotification(
                "supplementarySent:" + e.commitmentId(),
                NotificationKind.SUPPLEMENTARY_SENT,
                p.getId(),
                p.getNumber(),
                p.getTitle(),
                e.department(),
                null);
        notifications.notify(
            notice, users.find(List.of(p.getProposerUsername())), u -> mail(u, notice));
      }
    }
  }

  private void notifyDepartment(
      NotificationKind kind,
      long proposalId,
      String department,
      java.time.LocalDate dueDate,
      String occurrence,
      boolean sms) {
    Proposal p = proposals.get(proposalId);
    NewNotification notice =
        new NewNotification(
            occurrence, kind, p.getId(), p.getNumber(), p.getTitle(), department, dueDate);
    List<User> recipients = new ArrayList<>(users.withRole(Role.HANDLER, department));
    recipients.addAll(users.withRole(Role.REGISTRAR, null));
    notifications.notify(
        notice,
        recipients,
        u -> {
          List<Notifications.Message> out = new ArrayList<>(mail(u, notice));
          if (sms && u.getPhone() != null) {
            out.add(
                new Notifications.Message(
                    OutboxMessage.Channel.SMS, u.getPhone(), "", text("sms", notice)));
          }
          return out;
        });
  }

  private List<Notifications.Message> mail(User u, NewNotification n) {
    if (u.getEmail() == null) {
      return List.of();
    }
    return List.of(
        new Notifications.Message(
            OutboxMessage.Channel.MAIL, u.getEmail(), text("subject", n), text("body", n)));
  }

  /** mail.DEADLINE_APPROACHING.subject etc.: number, title, department, deadline. */
  String text(String part, NewNotification n) {
    String department =
        n.departmentCode() == null
            ? ""
            : departments.exists(n.departmentCode())
                ? departments.get(n.departmentCode()).name()
                : n.departmentCode();
    String due = n.dueDate() == null ? "" : n.dueDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
    String key = "notice." + n.kind().name() + "." + part;
    return messages.getMessage(
        key,
        new Object[] {n.proposalNumber(), n.title(), department, due},
        key + " " + n.proposalNumber() + " " + n.title() + " " + department + " " + due,
        LANGUAGE);
  }
}
