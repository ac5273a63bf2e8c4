package org.civicflow.engine.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.domain.proposal.ProposalRegistration;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.support.ActorContext;
import org.civicflow.engine.task.Caller;
import org.civicflow.processes.HandlingDeadlineVariables;
import org.civicflow.processes.HandlingVariables;
import org.civicflow.processes.LeadDepartmentRoutingVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a proposal and starts its handling process; both happen or neither. */
@Service
public class ProposalIntake {

  public static final String PROCESS_KEY = "proposalHandling";

  /**
   * Proposals submitted this many days around the session's opening count as "from the session".
   */
  static final int SESSION_WINDOW_DAYS = 30;

  private final ProposalRegistration registration;
  private final ProposalLifecycle lifecycle;
  private final Proposals proposals;
  private final SessionCatalog sessions;
  private final RuntimeService runtime;
  private final Clock clock;

  ProposalIntake(
      ProposalRegistration registration,
      ProposalLifecycle lifecycle,
      Proposals proposals,
      SessionCatalog sessions,
      RuntimeService runtime,
      Clock clock) {
    this.registration = registration;
    this.lifecycle = lifecycle;
    this.proposals = proposals;
    this.sessions = sessions;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** 登记: only the registrar's office registers proposals. */
  @Transactional
  public Proposal register(NewProposal input, Caller caller) {
    if (!caller.has(Role.REGISTRAR)) {
      throw new ForbiddenException("proposal.registerForbidden");
    }
    Proposal p = registration.register(input, caller.username());
    Session session = sessions.get(p.getSessionId());
    Map<String, Object> vars = new HashMap<>();
    vars.put(HandlingVariables.PROPOSAL_ID, p.getId());
    vars.put(HandlingDeadlineVariables.PROPOSAL_TYPE, p.getType().name());
    vars.put(
        LeadDepartmentRoutingVariables.CATEGORY, p.getCategory() == null ? "" : p.getCategory());
    vars.put(LeadDepartmentRoutingVariables.TITLE, p.getTitle());
    vars.put(HandlingDeadlineVariables.FROM_SESSION, fromSession(session, p));
    vars.put(HandlingVariables.PROPOSER_USERNAME, p.getProposerUsername());
    ProcessInstance instance =
        ActorContext.runAs(
            caller.username(),
            () -> runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(p.getId()), vars));
    lifecycle.attachProcess(p.getId(), instance.getId());
    return proposals.get(p.getId());
  }

  private boolean fromSession(Session session, Proposal p) {
    if (session.opensOn() == null) {
      return false;
    }
    LocalDate submitted = p.getSubmittedAt().atZone(clock.getZone()).toLocalDate();
    return !submitted.isBefore(session.opensOn().minusDays(SESSION_WINDOW_DAYS))
        && !submitted.isAfter(session.opensOn().plusDays(SESSION_WINDOW_DAYS));
  }
}
