package org.civicflow.portal.summary;

import java.security.Principal;
import java.util.List;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.statistics.SessionStatistics;
import org.civicflow.domain.summary.HandlingSummaries;
import org.civicflow.domain.summary.HandlingSummary;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Component;

/**
 * What the registrar does with summaries (generate, review, publish) and what the public reads,
 * with the access checked first. Shared by the API and the pages.
 */
@Component
class SummaryWork {

  private final SummaryAccess access;
  private final SessionStatistics statistics;
  private final SummaryGeneration generation;
  private final HandlingSummaries summaries;
  private final SummaryFiguresJson json;

  SummaryWork(
      SummaryAccess access,
      SessionStatistics statistics,
      SummaryGeneration generation,
      HandlingSummaries summaries,
      SummaryFiguresJson json) {
    this.access = access;
    this.statistics = statistics;
    this.generation = generation;
    this.summaries = summaries;
    this.json = json;
  }

  /**
   * Generates the draft summary of a session (name or id) from its statistics as they stand now.
   *
   * @throws ValidationException naming {@code session}: missing or unknown
   */
  HandlingSummary generate(Principal principal, String session) {
    Caller caller = access.staff(principal);
    if (session == null || session.isBlank()) {
      throw ValidationException.of("session", "validation.required");
    }
    if (session.length() > 100) {
      throw ValidationException.of("session", "validation.tooLong");
    }
    Session s = statistics.session(session);
    return generation.generate(s, caller.username());
  }

  HandlingSummary publish(Principal principal, long id) {
    Caller caller = access.staff(principal);
    return summaries.publish(id, caller.username());
  }

  HandlingSummary get(Principal principal, long id) {
    access.staff(principal);
    return summaries.get(id);
  }

  List<HandlingSummary> all(Principal principal) {
    access.staff(principal);
    return summaries.all();
  }

  SummaryResponses.Staff staffView(HandlingSummary s) {
    return SummaryResponses.Staff.of(
        s, s.isPublished() ? summaries.check(s) == MacCheck.VALID : null, json.tree(s));
  }

  /** A published summary that matches its seal, else 404. */
  HandlingSummary published(long id) {
    return summaries.published(id).orElseThrow(() -> new NotFoundException("summary", id));
  }

  /** The published summaries of a session (name or id), or of every session when blank. */
  List<HandlingSummary> published(String session) {
    if (session == null || session.isBlank()) {
      return summaries.published((Long) null);
    }
    if (session.length() > 100) {
      throw ValidationException.of("session", "validation.tooLong");
    }
    return summaries.published(statistics.session(session).id());
  }
}
