package org.civicflow.engine.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.feedback.FeedbackRecording;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.PublicationState;
import org.civicflow.domain.publication.ReplySigning;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.engine.proposal.ProposalDetail.ActiveTask;
import org.civicflow.engine.proposal.ProposalDetail.AssignmentView;
import org.civicflow.engine.proposal.ProposalDetail.DecisionView;
import org.civicflow.engine.proposal.ProposalDetail.DraftView;
import org.civicflow.engine.proposal.ProposalDetail.FeedbackView;
import org.civicflow.engine.proposal.ProposalDetail.OpinionView;
import org.civicflow.engine.proposal.ProposalDetail.PublicationView;
import org.civicflow.engine.proposal.ProposalDetail.TimelineEntry;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Assembles a proposal's detail from the domain, the running tasks and the audit log. */
@Service
public class ProposalDetails {

  /** What a proposer's timeline shows of the handling. */
  static final Set<String> PROPOSER_ACTIONS =
      Set.of(
          "proposal.register",
          "proposal.accept",
          "proposal.refuse",
          "proposal.merge",
          "assignment.assign",
          "reply.send",
          "reply.publish",
          "feedback.give",
          "proposal.close",
          "proposal.withdraw",
          "assignment.rehandle");

  private final org.civicflow.engine.task.TaskKeys taskKeys;
  private final ProposalAccess access;
  private final AssignmentManagement assignments;
  private final ReplyDrafting drafting;
  private final ReplySigning signing;
  private final FeedbackRecording feedback;
  private final DepartmentDirectory departments;
  private final AuditLog audit;
  private final TaskService tasks;
  private final org.camunda.bpm.engine.HistoryService history;
  private final Clock clock;
  private final TransactionTemplate apart;

  ProposalDetails(
      ProposalAccess access,
      AssignmentManagement assignments,
      ReplyDrafting drafting,
      ReplySigning signing,
      FeedbackRecording feedback,
      DepartmentDirectory departments,
      AuditLog audit,
      TaskService tasks,
      org.camunda.bpm.engine.HistoryService history,
      org.civicflow.engine.task.TaskKeys taskKeys,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.taskKeys = taskKeys;
    this.history = history;
    this.access = access;
    this.assignments = assignments;
    this.drafting = drafting;
    this.signing = signing;
    this.feedback = feedback;
    this.departments = departments;
    this.audit = audit;
    this.tasks = tasks;
    this.clock = clock;
    this.apart = new TransactionTemplate(transactionManager);
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  @Transactional(readOnly = true)
  public ProposalDetail of(long id, Caller caller) {
    Proposal p = access.visible(id, caller);
    boolean internal = access.seesInternals(p, caller);
    Map<String, String> names =
        departments.all().stream().collect(Collectors.toMap(Department::code, Department::name));
    LocalDate today = LocalDate.now(clock);
    List<AssignmentView> assignmentViews =
        assignments.of(id).stream()
            .map(
                a ->
                    new AssignmentView(
                        a.getDepartmentCode(),
                        names.get(a.getDepartmentCode()),
                        a.getRole().name(),
                        a.getState().name(),
                        a.getStage() == null ? null : a.getStage().name(),
                        a.getRound(),
                        a.getDueDate(),
                        a.getSignForDueDate(),
                        a.isOverdue(today),
                        a.getAssignedAt(),
                        a.getSignedForAt(),
                        internal ? a.getSignedForBy() : null,
                        a.getExtensionCount(),
                        internal ? a.getReassignmentReason() : null))
            .toList();
    List<PublicationView> publications =
        signing.of(id).stream()
            .filter(pub -> internal || pub.getRepliedAt() != null)
            .map(pub -> publicationView(pub, internal))
            .toList();
    PublicationView publication =
        publications.stream()
            .filter(v -> PublicationState.PUBLISHED.name().equals(v.state()))
            .findFirst()
            .orElse(
                publications.stream()
                    .filter(v -> !PublicationState.VOIDED.name().equals(v.state()))
                    .reduce((a, b) -> b)
                    .orElse(null));
    return new ProposalDetail(
        p.getId(),
        p.getSessionName(),
        p.getNumber(),
        p.getType().name(),
        p.getTitle(),
        p.getContent(),
        p.getCategory(),
        p.getProposer(),
        p.getProposerUsername(),
        p.getCoSigners(),
        p.getDelegation(),
        p.getSubmittedAt(),
        p.getStatus().name(),
        p.getStatusReason(),
        p.getMergedIntoId(),
        p.isKeyItem(),
        internal,
        internal ? activeTasks(id) : List.of(),
        assignmentViews,
        internal ? drafts(id) : List.of(),
        internal ? opinions(id) : List.of(),
        timeline(id, internal),
        publication,
        publications,
        feedback(id));
  }

  private List<ActiveTask> activeTasks(long id) {
    List<ActiveTask> active = new java.util.ArrayList<>();
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(id))
            .orderByTaskCreateTime()
            .asc()
            .list()) {
      String key = taskKeys.of(t).map(Enum::name).orElse(t.getTaskDefinitionKey());
      String variable = "coHandlingOpinion".equals(key) ? "coDepartment" : "department";
      Object dept;
      try {
        // outside this read's transaction: a failure here must not doom the whole read
        dept = apart.execute(status -> tasks.getVariable(t.getId(), variable));
      } catch (RuntimeException e) {
        if (tasks.createTaskQuery().taskId(t.getId()).count() == 0) {
          continue; // completed meanwhile (here or on another node): no longer active
        }
        throw e;
      }
      active.add(
          new ActiveTask(
              t.getId(),
              key,
              t.getName(),
              dept == null ? null : dept.toString(),
              t.getAssignee(),
              t.getDueDate(),
              t.getCreateTime()));
    }
    return active;
  }

  private List<DraftView> drafts(long id) {
    return drafting.all(id).stream()
        .map(
            d ->
                new DraftView(
                    d.getDepartmentCode(),
                    d.getVersion(),
                    d.getRound(),
                    d.getReplyText(),
                    d.getCategory().name(),
                    d.getContactMethod().name(),
                    d.getContactNote(),
                    d.getDisclosure().name(),
                    d.getNonDisclosureReason(),
                    d.getState().name(),
                    d.getAuthor(),
                    d.getSubmittedAt(),
                    d.getDecisions().stream()
                        .map(
                            x ->
                                new DecisionView(
                                    x.stage().name(),
                                    x.verdict().name(),
                                    x.comment(),
                                    x.decidedBy(),
                                    x.decidedAt()))
                        .toList()))
        .toList();
  }

  private List<OpinionView> opinions(long id) {
    return drafting.opinions(id).stream()
        .map(
            o ->
                new OpinionView(
                    o.departmentCode(), o.opinion(), o.missing(), o.author(), o.submittedAt()))
        .toList();
  }

  /** Activity types of the process history that the timeline shows, with their codes. */
  static final Map<String, String> HISTORY_KINDS =
      Map.of(
          "userTask", "process.opened",
          "boundaryTimer", "process.timer",
          "boundaryMessage", "process.message",
          "messageStartEvent", "process.message");

  private List<TimelineEntry> timeline(long id, boolean internal) {
    List<TimelineEntry> entries = new ArrayList<>();
    if (internal) {
      // the process history: when each step opened, timers that fired, messages received
      for (var instance :
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(String.valueOf(id))
              .list()) {
        for (var activity :
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .list()) {
          String code = HISTORY_KINDS.get(activity.getActivityType());
          if (code != null) {
            entries.add(
                new TimelineEntry(
                    activity.getStartTime().toInstant(),
                    "userTask".equals(activity.getActivityType()) ? null : "system",
                    "process",
                    code,
                    activity.getActivityName()));
          }
        }
      }
    }
    for (AuditEvent e : audit.forObject("proposal", String.valueOf(id))) {
      if (internal) {
        entries.add(new TimelineEntry(e.occurredAt(), e.actor(), "audit", e.action(), e.detail()));
      } else if (PROPOSER_ACTIONS.contains(e.action())) {
        String detail = "proposal.refuse".equals(e.action()) ? e.detail() : null;
        entries.add(new TimelineEntry(e.occurredAt(), null, "audit", e.action(), detail));
      }
    }
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }

  private List<FeedbackView> feedback(long id) {
    return feedback.of(id).stream()
        .map(
            f ->
                new FeedbackView(
                    f.departmentCode(),
                    f.round(),
                    f.workRating() == null ? null : f.workRating().name(),
                    f.resultRating() == null ? null : f.resultRating().name(),
                    f.comment(),
                    f.givenAt()))
        .toList();
  }

  private static PublicationView publicationView(Publication p, boolean internal) {
    return new PublicationView(
        p.getId(),
        p.getDepartmentCode(),
        p.getDepartmentName(),
        p.getState().name(),
        internal ? p.getSignedText() : p.getSignedText(),
        p.getContentSha256(),
        p.getSignedAt(),
        internal ? p.getSignedBy() : null,
        p.getRepliedAt(),
        p.getPublishedAt(),
        p.getReadCount(),
        p.getWithdrawalReason());
  }
}
