package org.civicflow.portal.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.search.SearchSourceMapper;
import org.civicflow.domain.search.SimilarItems;
import org.civicflow.engine.proposal.ProposalAccess;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Similar items as a caller may see them: proposals they may see, replies they may read. */
@Service
public class SimilarLookup {

  private final SimilarItems similar;
  private final Proposals proposals;
  private final ProposalAccess access;

  SimilarLookup(SimilarItems similar, Proposals proposals, ProposalAccess access) {
    this.similar = similar;
    this.proposals = proposals;
    this.access = access;
  }

  /** Which proposals: of the same session, of the earlier ones, or all. */
  public enum Scope {
    SESSION,
    EARLIER,
    ALL
  }

  /** How a proposal was answered by one department. */
  public record Answer(
      long publicationId, String department, String category, String rating, boolean published) {}

  /** A similar proposal; {@code passages} HTML-escaped with the matches in {@code <em>}. */
  public record SimilarProposal(
      long id,
      String number,
      String session,
      String title,
      String status,
      double score,
      List<String> passages,
      List<Answer> answers) {}

  /** A similar earlier reply the caller may read. */
  public record SimilarReply(
      long publicationId,
      long proposalId,
      String number,
      String title,
      String department,
      String category,
      String rating,
      double score,
      List<String> passages,
      boolean published) {}

  /**
   * The proposals most like one: for the registrar's office, and for staff who may see it (they are
   * shown only the proposals they may see as well).
   *
   * @throws NotFoundException no such proposal or not one the caller may see
   */
  @Transactional(readOnly = true)
  public List<SimilarProposal> proposals(long id, Scope scope, int size, Caller caller) {
    Proposal p = access.visible(id, caller);
    boolean office = caller.has(Role.REGISTRAR) || caller.has(Role.ADMIN);
    boolean staff =
        caller.has(Role.HANDLER) || caller.has(Role.REVIEWER) || caller.has(Role.LEADER);
    if (!office && !staff) {
      throw new NotFoundException("proposal", id);
    }
    Map<Long, Proposal> seen = new HashMap<>();
    List<SimilarItems.Hit> hits =
        similar.proposals(
            p.getId(),
            SimilarItems.Scope.valueOf(scope.name()),
            size,
            candidate -> {
              Optional<Proposal> c = proposals.find(candidate);
              c.ifPresent(x -> seen.put(x.getId(), x));
              return c.isPresent() && (office || access.canSee(c.get(), caller));
            });
    Map<Long, List<Answer>> answers =
        answers(
            hits.stream().map(SimilarItems.Hit::id).toList(), office ? "*" : caller.department());
    List<SimilarProposal> out = new ArrayList<>();
    for (SimilarItems.Hit h : hits) {
      Proposal c = seen.get(h.id());
      out.add(
          new SimilarProposal(
              c.getId(),
              c.getNumber(),
              c.getSessionName(),
              c.getTitle(),
              c.getStatus().name(),
              h.score(),
              h.passages(),
              answers.getOrDefault(c.getId(), List.of())));
    }
    return out;
  }

  /**
   * The earlier replies most like a proposal that the caller may read: the public ones, their own
   * department's others, all of them for the registrar's office.
   *
   * @throws NotFoundException no such proposal or not one the caller may see
   */
  @Transactional(readOnly = true)
  public List<SimilarReply> replies(long id, int size, Caller caller) {
    access.visible(id, caller);
    String readable =
        caller.has(Role.REGISTRAR) || caller.has(Role.ADMIN) ? "*" : staffDepartment(caller);
    List<SimilarItems.Hit> hits = similar.replies(id, readable, size);
    Map<Long, SearchSourceMapper.AnswerRow> byPublication = new HashMap<>();
    similar
        .answers(hits.stream().map(SimilarItems.Hit::proposalId).distinct().toList())
        .forEach(a -> byPublication.put(a.publicationId(), a));
    List<SimilarReply> out = new ArrayList<>();
    for (SimilarItems.Hit h : hits) {
      SearchSourceMapper.AnswerRow a = byPublication.get(h.id());
      Optional<Proposal> p = proposals.find(h.proposalId());
      if (a == null || p.isEmpty()) {
        continue;
      }
      out.add(
          new SimilarReply(
              h.id(),
              h.proposalId(),
              p.get().getNumber(),
              p.get().getTitle(),
              a.departmentName(),
              a.category(),
              a.rating(),
              h.score(),
              h.passages(),
              "PUBLISHED".equals(a.state())));
    }
    return out;
  }

  private static String staffDepartment(Caller caller) {
    boolean staff =
        caller.has(Role.HANDLER) || caller.has(Role.REVIEWER) || caller.has(Role.LEADER);
    return staff ? caller.department() : null;
  }

  /**
   * How the proposals were answered, as far as the caller may know: every reply for the office
   * ({@code "*"}), else the published ones and those of the caller's own department.
   */
  private Map<Long, List<Answer>> answers(List<Long> proposalIds, String department) {
    Map<Long, List<Answer>> out = new HashMap<>();
    for (SearchSourceMapper.AnswerRow a : similar.answers(proposalIds)) {
      boolean readable =
          "*".equals(department)
              || "PUBLISHED".equals(a.state())
              || a.departmentCode().equals(department);
      if (!readable) {
        continue;
      }
      out.computeIfAbsent(a.proposalId(), k -> new ArrayList<>())
          .add(
              new Answer(
                  a.publicationId(),
                  a.departmentName(),
                  a.category(),
                  a.rating(),
                  "PUBLISHED".equals(a.state())));
    }
    return out;
  }
}
