package org.civicflow.portal.api;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalCriteria;
import org.civicflow.domain.proposal.ProposalStatus;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.reply.ReplyDraft;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.reply.TextDiff;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.intake.ProposalIntake;
import org.civicflow.engine.proposal.ProcessDiagrams;
import org.civicflow.engine.proposal.ProposalAccess;
import org.civicflow.engine.proposal.ProposalActions;
import org.civicflow.engine.proposal.ProposalDetail;
import org.civicflow.engine.proposal.ProposalDetails;
import org.civicflow.engine.proposal.ProposalView;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proposals: registration, lists, detail, diffs of drafts, withdrawal and other actions. */
@RestController
@RequestMapping("/api/v1/proposals")
class ProposalApiController {

  private final Callers callers;
  private final ProposalIntake intake;
  private final ProposalDetails details;
  private final ProposalActions actions;
  private final ProposalAccess access;
  private final ProcessDiagrams diagrams;
  private final Proposals proposals;
  private final ReplyDrafting drafting;
  private final SessionCatalog sessions;
  private final ProposalRequests requests;

  ProposalApiController(
      Callers callers,
      ProposalIntake intake,
      ProposalDetails details,
      ProposalActions actions,
      ProposalAccess access,
      ProcessDiagrams diagrams,
      Proposals proposals,
      ReplyDrafting drafting,
      SessionCatalog sessions,
      ProposalRequests requests) {
    this.callers = callers;
    this.intake = intake;
    this.details = details;
    this.actions = actions;
    this.access = access;
    this.diagrams = diagrams;
    this.proposals = proposals;
    this.drafting = drafting;
    this.sessions = sessions;
    this.requests = requests;
  }

  @PostMapping
  ResponseEntity<ProposalDetail> register(
      @RequestBody NewProposalRequest body, Principal principal) {
    Caller caller = callers.of(principal);
    Proposal p = intake.register(requests.toInput(body), caller);
    return ResponseEntity.created(URI.create("/api/v1/proposals/" + p.getId()))
        .body(details.of(p.getId(), caller));
  }

  @GetMapping
  PageOf<ProposalSummary> list(
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Boolean keyOnly,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      Principal principal) {
    Caller caller = callers.of(principal);
    FieldErrors errors =
        new FieldErrors()
            .check(
                size <= ProposalCriteria.MAX_PAGE_SIZE && size > 0, "size", "validation.pageSize")
            .check(page >= 0, "page", "validation.page");
    Long sessionId = null;
    if (session != null && !session.isBlank()) {
      sessionId = resolveSession(session);
      errors.check(sessionId != null, "session", "validation.session.unknown");
    }
    ProposalStatus statusFilter = null;
    if (status != null && !status.isBlank()) {
      try {
        statusFilter = ProposalStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        errors.add("status", "validation.choice");
      }
    }
    errors.maxLength("q", q, 100).throwIfAny();
    String proposer = null;
    String dept = department == null || department.isBlank() ? null : department.strip();
    if (!caller.has(Role.REGISTRAR) && !caller.has(Role.ADMIN)) {
      if (caller.department() != null
          && (caller.has(Role.HANDLER) || caller.has(Role.REVIEWER) || caller.has(Role.LEADER))) {
        dept = caller.department();
      } else if (caller.has(Role.PROPOSER)) {
        proposer = caller.username();
      } else {
        throw new ForbiddenException("error.forbidden");
      }
    }
    ProposalCriteria criteria =
        new ProposalCriteria(sessionId, statusFilter, dept, q, proposer, keyOnly, null, page, size);
    List<ProposalSummary> items =
        proposals.search(criteria).stream().map(ProposalSummary::of).toList();
    return new PageOf<>(items, criteria.page(), criteria.size(), proposals.count(criteria));
  }

  private Long resolveSession(String session) {
    if (session.strip().matches("\\d{1,18}")) {
      try {
        return sessions.get(Long.parseLong(session.strip())).id();
      } catch (NotFoundException e) {
        return null;
      }
    }
    return sessions.findByName(session).map(Session::id).orElse(null);
  }

  @GetMapping("/{id}")
  ProposalDetail detail(@PathVariable long id, Principal principal) {
    return details.of(id, callers.of(principal));
  }

  @GetMapping("/{id}/diagram")
  List<ProcessDiagrams.Diagram> diagram(@PathVariable long id, Principal principal) {
    return diagrams.of(id, callers.of(principal));
  }

  /**
   * What changed from version v-1 to version v of a department's draft: for the department itself
   * and the registrar's office; 404 for anyone else (a co-handling or released department, the
   * proposer).
   */
  @GetMapping("/{id}/drafts/{version}/diff")
  DraftDiff diff(
      @PathVariable long id,
      @PathVariable int version,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) Integer from,
      Principal principal) {
    ProposalView view = access.view(id, callers.of(principal));
    // only drafts of a department whose work the caller sees: its own, or all for the registrar
    String dept =
        department != null
            ? department
            : drafting.all(id).stream()
                .filter(d -> d.getVersion() == version && view.seesWorkOf(d.getDepartmentCode()))
                .map(ReplyDraft::getDepartmentCode)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("draft", id + "/" + version));
    if (!view.seesWorkOf(dept)) {
      throw new NotFoundException("draft", id + "/" + version);
    }
    ReplyDraft after =
        drafting
            .version(id, dept, version)
            .orElseThrow(() -> new NotFoundException("draft", id + "/" + version));
    int base = from == null ? version - 1 : from;
    ReplyDraft earlier =
        base < 1
            ? null
            : drafting
                .version(id, dept, base)
                .orElseThrow(() -> new NotFoundException("draft", id + "/" + base));
    String before = earlier == null ? "" : earlier.getReplyText();
    return new DraftDiff(
        dept,
        base,
        version,
        TextDiff.diff(before, after.getReplyText()),
        TextDiff.diff(commitmentLines(earlier), commitmentLines(after)));
  }

  /** A draft's commitments one a line (what ｜ by when ｜ how one will know), as diffed. */
  private String commitmentLines(ReplyDraft draft) {
    if (draft == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    drafting.commitmentsOf(draft.getId()).forEach(c -> b.append(c.asLine()).append('\n'));
    return b.toString();
  }

  /**
   * The response of the diff endpoint.
   *
   * @param commitmentSegments what changed in the commitments, one a line
   */
  record DraftDiff(
      String department,
      int fromVersion,
      int toVersion,
      List<TextDiff.Segment> segments,
      List<TextDiff.Segment> commitmentSegments) {}

  @PostMapping("/{id}/withdraw")
  ResponseEntity<Void> withdraw(
      @PathVariable long id,
      @RequestBody(required = false) Map<String, Object> body,
      Principal principal) {
    Object reason = body == null ? null : body.get("reason");
    actions.withdraw(id, reason == null ? null : reason.toString(), callers.of(principal));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/drafts/{version}/withdraw")
  ResponseEntity<Void> withdrawDraft(
      @PathVariable long id, @PathVariable int version, Principal principal) {
    actions.withdrawDraft(id, version, callers.of(principal));
    return ResponseEntity.noContent().build();
  }

  /** A department asks for more time: {@code {newDueDate, reason}}. */
  @PostMapping("/{id}/extension-requests")
  ResponseEntity<Void> requestExtension(
      @PathVariable long id, @RequestBody Map<String, Object> body, Principal principal) {
    Object date = body.get("newDueDate");
    LocalDate newDueDate = null;
    if (date != null) {
      try {
        newDueDate = LocalDate.parse(date.toString());
      } catch (java.time.format.DateTimeParseException e) {
        new FieldErrors().add("newDueDate", "validation.type.date").throwIfAny();
      }
    }
    Object reason = body.get("reason");
    actions.requestExtension(
        id, newDueDate, reason == null ? null : reason.toString(), callers.of(principal));
    return ResponseEntity.accepted().build();
  }

  /** The registrar takes a published reply off the public site: {@code {reason}}. */
  @PostMapping("/{id}/publications/{publicationId}/withdraw")
  ResponseEntity<Void> withdrawPublication(
      @PathVariable long id,
      @PathVariable long publicationId,
      @RequestBody(required = false) Map<String, Object> body,
      Principal principal) {
    Object reason = body == null ? null : body.get("reason");
    actions.withdrawPublication(
        id, publicationId, reason == null ? null : reason.toString(), callers.of(principal));
    return ResponseEntity.noContent().build();
  }

  /** The registrar marks or clears a key item: {@code {key: true}}. */
  @PostMapping("/{id}/key")
  ResponseEntity<Void> markKey(
      @PathVariable long id, @RequestBody Map<String, Object> body, Principal principal) {
    if (!(body.get("key") instanceof Boolean key)) {
      new FieldErrors().add("key", "validation.type.boolean").throwIfAny();
      return ResponseEntity.badRequest().build();
    }
    actions.markKey(id, key, callers.of(principal));
    return ResponseEntity.noContent().build();
  }
}
