package org.civicflow.domain.commitment;

/** What a report on a commitment says: progress (进展) or fulfilment (兑现). */
public enum ReportKind {
  PROGRESS,
  KEPT
}
