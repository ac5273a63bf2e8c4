package org.civicflow.engine.imports;

import java.util.List;
import org.civicflow.domain.imports.ImportRowError;
import org.civicflow.domain.proposal.NewProposal;

/**
 * A row read into the registration input, with the values that could not be read.
 *
 * @param values the row's texts by field, for the preview table
 */
record ParsedRow(
    int row,
    NewProposal input,
    java.util.Map<String, String> values,
    List<ImportRowError> unreadable) {}
