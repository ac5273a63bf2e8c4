package org.civicflow.portal.summary;

import org.civicflow.domain.session.Session;
import org.civicflow.domain.summary.HandlingSummaries;
import org.civicflow.domain.summary.HandlingSummary;
import org.civicflow.domain.summary.SummaryFigureSource;
import org.springframework.stereotype.Component;

/**
 * Generates a session's draft summary: the figures as they stand now, frozen as JSON. Who may do it
 * is checked before (the registrar's endpoints and pages; the demo loader acts as the registrar).
 */
@Component
public class SummaryGeneration {

  private final SummaryFigureSource source;
  private final HandlingSummaries summaries;
  private final SummaryFiguresJson json;

  SummaryGeneration(
      SummaryFigureSource source, HandlingSummaries summaries, SummaryFiguresJson json) {
    this.source = source;
    this.summaries = summaries;
    this.json = json;
  }

  /** The session's draft, generated (or regenerated) by {@code by}. */
  public HandlingSummary generate(Session session, String by) {
    return summaries.saveDraft(session, json.write(source.figures(session)), by);
  }

  /** Generates the session's draft and publishes it, as the registrar {@code by} would. */
  public HandlingSummary generateAndPublish(Session session, String by) {
    return summaries.publish(generate(session, by).getId(), by);
  }
}
