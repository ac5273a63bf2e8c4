package org.civicflow.domain.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers proposals (登记) after checking every field. */
@Service
public class ProposalRegistration {

  static final int MAX_TITLE = 300;
  static final int MAX_CONTENT = 100_000;
  static final int MAX_CO_SIGNERS = 200;

  private final Proposals proposals;
  private final SessionCatalog sessions;
  private final UserDirectory users;
  private final AuditLog audit;
  private final Clock clock;

  ProposalRegistration(
      Proposals proposals,
      SessionCatalog sessions,
      UserDirectory users,
      AuditLog audit,
      Clock clock) {
    this.proposals = proposals;
    this.sessions = sessions;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Registers a proposal in status {@link ProposalStatus#REGISTERED}.
   *
   * @throws ValidationException naming every invalid field
   * @throws ConflictException when the number already exists in the session
   */
  @Transactional
  public Proposal register(NewProposal input, String registrar) {
    Session session = validate(input);
    if (proposals.findByNumber(session.id(), input.number().strip()).isPresent()) {
      throw new ConflictException(
          "proposal.duplicateNumber", input.number().strip(), session.name());
    }
    Proposal proposal = new Proposal(input, session.id(), registrar, clock.instant());
    try {
      proposals.add(proposal);
    } catch (DuplicateKeyException raceLost) {
      throw new ConflictException(
          "proposal.duplicateNumber", input.number().strip(), session.name());
    }
    audit.record(
        registrar,
        "proposal.register",
        "proposal",
        String.valueOf(proposal.getId()),
        session.name() + " " + proposal.getNumber());
    return proposal;
  }

  /**
   * Checks a proposal as {@link #register} does, without storing anything (the preview of an
   * import).
   *
   * @return the session it belongs to
   * @throws ValidationException naming every invalid field
   * @throws ConflictException when the number already exists in the session
   */
  @Transactional(readOnly = true)
  public Session check(NewProposal input) {
    Session session = validate(input);
    if (proposals.findByNumber(session.id(), input.number().strip()).isPresent()) {
      throw new ConflictException(
          "proposal.duplicateNumber", input.number().strip(), session.name());
    }
    return session;
  }

  private Session validate(NewProposal in) {
    FieldErrors errors = new FieldErrors();
    errors
        .required("session", in.session())
        .required("number", in.number())
        .maxLength("number", in.number(), 32)
        .required("type", in.type())
        .required("title", in.title())
        .maxLength("title", in.title(), MAX_TITLE)
        .required("content", in.content())
        .maxLength("content", in.content(), MAX_CONTENT)
        .maxLength("category", in.category(), 64)
        .required("proposer", in.proposer())
        .maxLength("proposer", in.proposer(), FieldErrors.SHORT_TEXT)
        .maxLength("delegation", in.delegation(), FieldErrors.SHORT_TEXT)
        .required("submittedAt", in.submittedAt());
    if (in.number() != null && !in.number().isBlank()) {
      errors.check(
          in.number().strip().matches("[A-Za-z0-9-]+"), "number", "validation.proposal.number");
    }
    Instant now = clock.instant();
    if (in.submittedAt() != null) {
      errors.check(!in.submittedAt().isAfter(now), "submittedAt", "validation.notInFuture");
    }
    List<String> coSigners = in.coSigners() == null ? List.of() : in.coSigners();
    errors.check(coSigners.size() <= MAX_CO_SIGNERS, "coSigners", "validation.tooMany");
    for (String name : coSigners) {
      errors.maxLength("coSigners", name, FieldErrors.SHORT_TEXT);
    }
    if (in.proposerUsername() != null && !in.proposerUsername().isBlank()) {
      errors.check(
          users
              .find(in.proposerUsername().strip())
              .filter(u -> u.hasRole(Role.PROPOSER))
              .isPresent(),
          "proposerUsername",
          "validation.proposer.unknown");
    }
    Session session = null;
    if (in.session() != null && !in.session().isBlank()) {
      session = sessions.findByName(in.session()).orElse(null);
      errors.check(session != null, "session", "validation.session.unknown");
    }
    errors.throwIfAny();
    return session;
  }
}
