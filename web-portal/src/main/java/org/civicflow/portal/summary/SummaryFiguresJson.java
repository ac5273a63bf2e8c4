package org.civicflow.portal.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.civicflow.domain.summary.HandlingSummary;
import org.civicflow.domain.summary.SummaryFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The figures of a summary as stored: written once as JSON, read back as they were written. */
@Component
class SummaryFiguresJson {

  private static final Logger LOG = LoggerFactory.getLogger(SummaryFiguresJson.class);

  private final ObjectMapper json;

  SummaryFiguresJson(ObjectMapper json) {
    this.json = json;
  }

  String write(SummaryFigures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures cannot be written", e);
    }
  }

  /**
   * The stored figures as a JSON tree, served as they were frozen; {@code null} when the record
   * holds no JSON any more (changed behind CivicFlow's back: its seal says so too).
   */
  JsonNode tree(HandlingSummary s) {
    try {
      return json.readTree(s.getFigures());
    } catch (JsonProcessingException e) {
      LOG.error("INTEGRITY: the figures of summary {} are no JSON any more", s.getId());
      return null;
    }
  }

  SummaryFigures figures(HandlingSummary s) {
    try {
      return json.readValue(s.getFigures(), SummaryFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures of summary " + s.getId() + " cannot be read", e);
    }
  }
}
