package org.civicflow.portal.api;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.springframework.stereotype.Component;

/** Reads the API's proposal bodies into the domain's input, naming every field it cannot read. */
@Component
class ProposalRequests {

  private final Clock clock;

  ProposalRequests(Clock clock) {
    this.clock = clock;
  }

  NewProposal toInput(NewProposalRequest r) {
    FieldErrors errors = new FieldErrors();
    ProposalType type = null;
    if (r.type() != null && !r.type().isBlank()) {
      try {
        type = ProposalType.valueOf(r.type().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add("type", "validation.choice");
      }
    }
    Instant submittedAt = null;
    if (r.submittedAt() != null && !r.submittedAt().isBlank()) {
      submittedAt = instant(r.submittedAt().strip());
      errors.check(submittedAt != null, "submittedAt", "validation.type.date");
    }
    errors.throwIfAny();
    return new NewProposal(
        r.session(),
        r.number(),
        type,
        r.title(),
        r.content(),
        r.category(),
        r.proposer(),
        r.proposerUsername(),
        r.coSigners(),
        r.delegation(),
        submittedAt);
  }

  /** A date ({@code 2021-12-29}, the start of that day in the city), a local or an offset time. */
  Instant instant(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(clock.getZone()).toInstant();
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
