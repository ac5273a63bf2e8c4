package org.civicflow.engine.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.delegation.Delegations;
import org.civicflow.domain.imports.ImportRowError;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalRegistration;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.session.SessionKind;

/**
 * Checks the rows of one file as registration would, without storing anything: the domain's rules
 * for every field, a delegation the domain knows, and numbers that are neither registered already
 * nor repeated within the file. One instance per pass over a file: it remembers sessions,
 * delegations and the numbers seen.
 */
final class RowValidation {

  /** A row's input completed (its type from the session), and why it cannot be registered. */
  record Checked(ParsedRow row, NewProposal input, List<ImportRowError> errors) {
    boolean ok() {
      return errors.isEmpty();
    }

    boolean duplicate() {
      return !errors.isEmpty()
          && errors.stream().allMatch(e -> e.kind() == ImportRowError.Kind.DUPLICATE);
    }
  }

  private final ProposalRegistration registration;
  private final SessionCatalog sessions;
  private final Delegations delegations;
  private final Map<String, Optional<Session>> sessionCache = new HashMap<>();
  private final Map<String, Boolean> delegationCache = new HashMap<>();
  private final Map<String, Integer> firstRowOfNumber = new HashMap<>();

  RowValidation(
      ProposalRegistration registration, SessionCatalog sessions, Delegations delegations) {
    this.registration = registration;
    this.sessions = sessions;
    this.delegations = delegations;
  }

  Checked check(ParsedRow row) {
    NewProposal in = row.input();
    Optional<Session> session =
        in.session() == null
            ? Optional.empty()
            : sessionCache.computeIfAbsent(in.session(), sessions::findByName);
    if (in.type() == null && row.values().get("type").isEmpty() && session.isPresent()) {
      in =
          withType(
              in,
              session.get().kind() == SessionKind.CPPCC
                  ? ProposalType.PROPOSAL
                  : ProposalType.SUGGESTION);
    }
    String key = in.session() + "\u0000" + (in.number() == null ? "" : in.number().strip());
    if (in.number() != null && session.isPresent()) {
      Integer first = firstRowOfNumber.get(key);
      if (first != null) {
        return new Checked(
            row,
            in,
            List.of(
                new ImportRowError(
                    row.row(),
                    ImportRowError.Kind.DUPLICATE,
                    "number",
                    "import.row.duplicateInFile",
                    String.valueOf(first))));
      }
    }
    Map<String, ImportRowError> errors = new LinkedHashMap<>();
    row.unreadable().forEach(e -> errors.put(e.field(), e));
    try {
      registration.check(in);
    } catch (ValidationException e) {
      e.fieldErrors()
          .forEach(
              (field, messageKey) ->
                  errors.putIfAbsent(field, ImportRowError.invalid(row.row(), field, messageKey)));
    } catch (ConflictException duplicate) {
      if (errors.isEmpty()) {
        return new Checked(
            row,
            in,
            List.of(
                new ImportRowError(
                    row.row(),
                    ImportRowError.Kind.DUPLICATE,
                    "number",
                    "import.row.duplicate",
                    in.number().strip())));
      }
    }
    if (in.delegation() != null && session.isPresent() && !errors.containsKey("delegation")) {
      SessionKind kind = session.get().kind();
      String delegation = in.delegation();
      boolean known =
          delegationCache.computeIfAbsent(
              kind + "\u0000" + delegation, k -> delegations.isKnown(kind, delegation));
      if (!known) {
        errors.put(
            "delegation",
            new ImportRowError(
                row.row(),
                ImportRowError.Kind.INVALID,
                "delegation",
                "import.row.delegation",
                in.delegation()));
      }
    }
    if (errors.isEmpty() && session.isPresent()) {
      // a later row with this number is a repetition within the file
      firstRowOfNumber.put(key, row.row());
    }
    return new Checked(row, in, new ArrayList<>(errors.values()));
  }

  private static NewProposal withType(NewProposal in, ProposalType type) {
    return new NewProposal(
        in.session(),
        in.number(),
        type,
        in.title(),
        in.content(),
        in.category(),
        in.proposer(),
        in.proposerUsername(),
        in.coSigners(),
        in.delegation(),
        in.submittedAt());
  }
}
