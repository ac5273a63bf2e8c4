package org.civicflow.domain.proposal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicflow.domain.common.ConcurrentChangeException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.TransactionScoped;
import org.civicflow.domain.search.ProposalChanged;
import org.civicflow.domain.search.ProposalTextSearch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The stored proposals. Saving checks the version read, so that two people changing one proposal at
 * once cannot silently overwrite each other.
 *
 * <p>Within a transaction a proposal is read once: {@link #get} and {@link #find} hand out the same
 * instance again, as it was read and since changed and saved in the transaction. A step of the
 * handling reads its proposal in the task step, in the delegates the completion runs and in the
 * notices it sends — 14 reads of the same row per lifecycle before (docs/performance.md). Saving
 * another instance of a proposal (read before the transaction) makes that one the transaction's.
 */
@Component
public class Proposals {

  private final ProposalMapper mapper;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<ProposalTextSearch> textSearch;
  private final TransactionScoped<Long, Proposal> read = new TransactionScoped<>();

  Proposals(
      ProposalMapper mapper,
      ApplicationEventPublisher events,
      ObjectProvider<ProposalTextSearch> textSearch) {
    this.mapper = mapper;
    this.events = events;
    this.textSearch = textSearch;
  }

  public Proposal get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("proposal", id));
  }

  public Optional<Proposal> find(long id) {
    Map<Long, Proposal> known = read.map();
    if (known == null) {
      return mapper.findById(id);
    }
    Proposal p = known.get(id);
    if (p == null) {
      p = mapper.findById(id).orElse(null);
      if (p != null) {
        known.put(id, p);
      }
    }
    return Optional.ofNullable(p);
  }

  public Optional<Proposal> findByNumber(long sessionId, String number) {
    return mapper.findByNumber(sessionId, number);
  }

  /**
   * A page of proposals; a text is looked for in the number, title, proposer and delegation, and in
   * the title and content through the search index (Chinese without spaces, 12315, MCN).
   */
  public List<Proposal> search(ProposalCriteria criteria) {
    return mapper.search(criteria, textMatches(criteria));
  }

  public long count(ProposalCriteria criteria) {
    return mapper.count(criteria, textMatches(criteria));
  }

  private List<Long> textMatches(ProposalCriteria criteria) {
    ProposalTextSearch text = textSearch.getIfAvailable();
    return criteria.q() == null || text == null ? List.of() : text.matching(criteria.q());
  }

  void add(Proposal proposal) {
    // not remembered: the first read fills in what the database adds (the session's name)
    mapper.insert(proposal);
    List<String> coSigners = proposal.getCoSigners();
    for (int i = 0; i < coSigners.size(); i++) {
      mapper.insertCoSigner(proposal.getId(), i, coSigners.get(i));
    }
    events.publishEvent(new ProposalChanged(proposal.getId()));
  }

  /** Saves the changed proposal; refuses when someone else saved it since it was read. */
  public void save(Proposal proposal) {
    if (mapper.update(proposal) != 1) {
      throw new ConcurrentChangeException("proposal.concurrentChange", proposal.getId());
    }
    proposal.versionSaved();
    remember(proposal);
    events.publishEvent(new ProposalChanged(proposal.getId()));
  }

  private void remember(Proposal proposal) {
    Map<Long, Proposal> known = read.map();
    if (known != null) {
      known.put(proposal.getId(), proposal);
    }
  }
}
