package org.civicflow.portal.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.civicflow.domain.summary.HandlingSummary;

/** The bodies of the summary endpoints. */
final class SummaryResponses {

  private SummaryResponses() {}

  /**
   * A summary for the registrar: where it stands, who generated and published it, whether it
   * matches its seal, and (in the detail) its figures.
   */
  record Staff(
      long id,
      String session,
      long sessionId,
      String state,
      Instant generatedAt,
      String generatedBy,
      Instant publishedAt,
      String publishedBy,
      Boolean intact,
      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode figures) {

    static Staff of(HandlingSummary s, Boolean intact, JsonNode figures) {
      return new Staff(
          s.getId(),
          s.getSessionName(),
          s.getSessionId(),
          s.getState().name(),
          s.getGeneratedAt(),
          s.getGeneratedBy(),
          s.getPublishedAt(),
          s.getPublishedBy(),
          intact,
          figures);
    }
  }

  /** A published summary for the public: no staff names; the figures only in the detail. */
  record Public(
      long id,
      String session,
      Instant generatedAt,
      Instant publishedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode figures) {

    static Public of(HandlingSummary s, JsonNode figures) {
      return new Public(
          s.getId(), s.getSessionName(), s.getGeneratedAt(), s.getPublishedAt(), figures);
    }
  }

  /** {@code {"items": [...]}}. */
  record Items<T>(List<T> items) {}

  /** {@code POST /api/v1/summaries}: the session (name or id). */
  record GenerateRequest(String session) {}
}
