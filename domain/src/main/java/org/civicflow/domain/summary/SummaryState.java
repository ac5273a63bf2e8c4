package org.civicflow.domain.summary;

/** Where a handling summary stands: a draft the registrar reviews, or published and sealed. */
public enum SummaryState {
  DRAFT,
  PUBLISHED
}
