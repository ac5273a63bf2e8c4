package org.civicflow.engine.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.reply.Commitment;
import org.civicflow.domain.reply.CommitmentState;
import org.civicflow.engine.signoff.ReplySent;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.civicflow.processes.HandlingVariables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the follow-up of each commitment of a reply when it is sent ({@value #PROCESS}), in the
 * transaction of the job that sent it; a commitment already followed is not started twice.
 */
@Component
class CommitmentFollowUpStarter {

  static final String PROCESS = "commitmentFollowUp";

  private final CommitmentFollowUp followUp;
  private final RuntimeService runtime;
  private final HolidayCalendar calendar;
  private final ZoneId zone;

  CommitmentFollowUpStarter(
      CommitmentFollowUp followUp, RuntimeService runtime, HolidayCalendar calendar, Clock clock) {
    this.followUp = followUp;
    this.runtime = runtime;
    this.calendar = calendar;
    this.zone = clock.getZone();
  }

  @EventListener
  void replySent(ReplySent e) {
    List<Commitment> promised = followUp.ofPublication(e.publicationId());
    long draftId = followUp.draftOf(e.publicationId());
    for (long dropped : followUp.dropSuperseded(e.proposalId(), e.department(), draftId)) {
      runtime
          .createProcessInstanceQuery()
          .processDefinitionKey(PROCESS)
          .variableValueEquals(CommitmentFollowUpVariables.COMMITMENT_ID, dropped)
          .list()
          .forEach(i -> runtime.deleteProcessInstance(i.getId(), "superseded by a later reply"));
    }
    for (Commitment c : promised) {
      if (c.getState() != CommitmentState.OPEN || followed(c)) {
        continue;
      }
      runtime
          .createProcessInstanceByKey(PROCESS)
          .businessKey(String.valueOf(e.proposalId()))
          .setVariables(variables(e, c))
          .execute();
    }
  }

  private boolean followed(Commitment c) {
    return runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS)
            .variableValueEquals(CommitmentFollowUpVariables.COMMITMENT_ID, c.getId())
            .count()
        > 0;
  }

  private Map<String, Object> variables(ReplySent e, Commitment c) {
    LocalDate today = calendar.today();
    List<LocalDate> reminders = calendar.deadlines().reminderDates(c.getDueDate(), today);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(HandlingVariables.PROPOSAL_ID, e.proposalId());
    v.put(HandlingVariables.DEPARTMENT, e.department());
    v.put(CommitmentFollowUpVariables.COMMITMENT_ID, c.getId());
    v.put(
        CommitmentFollowUpVariables.COMMITMENT_DUE_DATE,
        ProcessVariables.endOf(c.getDueDate(), zone));
    v.put(
        CommitmentFollowUpVariables.COMMITMENT_REMINDER_1_AT,
        ProcessVariables.morningOf(reminders.get(0), zone));
    v.put(
        CommitmentFollowUpVariables.COMMITMENT_REMINDER_2_AT,
        ProcessVariables.morningOf(reminders.get(reminders.size() - 1), zone));
    return v;
  }
}
