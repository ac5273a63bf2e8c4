package org.civicflow.domain.commitment;

/**
 * What a report on a commitment says: progress (进展), fulfilment (兑现), or the account of an open
 * commitment the department gives the registrar before the next session (会前报告; never reviewed,
 * never public).
 */
public enum ReportKind {
  PROGRESS,
  KEPT,
  BEFORE_SESSION
}
