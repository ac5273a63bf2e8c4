package org.civicflow.domain.summary;

/**
 * One item a figure counts: a proposal, or one department's reply to it.
 *
 * @param department the department's code, {@code null} for a figure that counts proposals
 * @param publicationId the reply counted when it was on the public site at generation, else {@code
 *     null}
 */
public record SummaryItem(
    long proposalId, String number, String department, String departmentName, Long publicationId) {

  static SummaryItem proposal(long proposalId, String number) {
    return new SummaryItem(proposalId, number, null, null, null);
  }
}
