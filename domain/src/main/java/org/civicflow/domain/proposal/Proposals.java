package org.civicflow.domain.proposal;

import java.util.List;
import java.util.Optional;
import org.civicflow.domain.common.ConcurrentChangeException;
import org.civicflow.domain.common.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The stored proposals. Saving checks the version read, so that two people changing one proposal at
 * once cannot silently overwrite each other.
 */
@Component
public class Proposals {

  private final ProposalMapper mapper;

  Proposals(ProposalMapper mapper) {
    this.mapper = mapper;
  }

  public Proposal get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("proposal", id));
  }

  public Optional<Proposal> find(long id) {
    return mapper.findById(id);
  }

  public Optional<Proposal> findByNumber(long sessionId, String number) {
    return mapper.findByNumber(sessionId, number);
  }

  public List<Proposal> search(ProposalCriteria criteria) {
    return mapper.search(criteria);
  }

  public long count(ProposalCriteria criteria) {
    return mapper.count(criteria);
  }

  void add(Proposal proposal) {
    mapper.insert(proposal);
    List<String> coSigners = proposal.getCoSigners();
    for (int i = 0; i < coSigners.size(); i++) {
      mapper.insertCoSigner(proposal.getId(), i, coSigners.get(i));
    }
  }

  /** Saves the changed proposal; refuses when someone else saved it since it was read. */
  public void save(Proposal proposal) {
    if (mapper.update(proposal) != 1) {
      throw new ConcurrentChangeException("proposal.concurrentChange", proposal.getId());
    }
    proposal.versionSaved();
  }
}
