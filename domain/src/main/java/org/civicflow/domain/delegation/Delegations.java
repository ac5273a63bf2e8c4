package org.civicflow.domain.delegation;

import java.time.Clock;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.session.SessionKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delegations and sectors CivicFlow knows: those listed here for a kind of session, and those
 * named by proposers' accounts. An import refuses a row whose delegation is neither, because a
 * misspelt delegation would split the statistics.
 */
@Service
public class Delegations {

  private final DelegationMapper mapper;
  private final AuditLog audit;
  private final Clock clock;

  Delegations(DelegationMapper mapper, AuditLog audit, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Delegation> all() {
    return mapper.findAll();
  }

  /** Whether the name is a known delegation for sessions of that kind. */
  @Transactional(readOnly = true)
  public boolean isKnown(SessionKind kind, String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    String n = name.strip();
    return mapper.exists(kind, n) || mapper.isProposersDelegation(n);
  }

  /** Adds a delegation (or sector) unless it is listed already; whether it was added. */
  @Transactional
  public boolean add(SessionKind kind, String name, String actor) {
    new FieldErrors()
        .required("kind", kind)
        .required("name", name)
        .maxLength("name", name, FieldErrors.SHORT_TEXT)
        .throwIfAny();
    if (mapper.insertOnce(kind, name.strip(), clock.instant()) == 1) {
      audit.record(actor, "delegation.add", "delegation", kind + ":" + name.strip(), name.strip());
      return true;
    }
    return false;
  }

  /**
   * Takes a delegation off the list: rows that name it are refused by later imports unless a
   * proposer's account names it; proposals already registered keep it.
   */
  @Transactional
  public void remove(SessionKind kind, String name, String actor) {
    new FieldErrors().required("kind", kind).required("name", name).throwIfAny();
    if (mapper.delete(kind, name.strip()) == 0) {
      throw new NotFoundException("delegation", kind + ":" + name.strip());
    }
    audit.record(actor, "delegation.remove", "delegation", kind + ":" + name.strip(), name.strip());
  }
}
