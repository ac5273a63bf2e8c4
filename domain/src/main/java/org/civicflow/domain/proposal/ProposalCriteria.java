package org.civicflow.domain.proposal;

/**
 * A search of proposals for staff lists. Every filter is optional.
 *
 * @param department only proposals assigned to this department (any role)
 * @param q text in the number, title, proposer or delegation
 * @param sort one of {@link ProposalSort}; the mapper orders by an allowlist, never by raw input
 */
public record ProposalCriteria(
    Long sessionId,
    ProposalStatus status,
    String department,
    String q,
    String proposerUsername,
    Boolean keyOnly,
    ProposalSort sort,
    int page,
    int size) {

  public static final int MAX_PAGE_SIZE = 200;

  public ProposalCriteria {
    q = q == null || q.isBlank() ? null : q.strip();
    sort = sort == null ? ProposalSort.SUBMITTED_DESC : sort;
    page = Math.max(page, 0);
    size = size <= 0 ? 20 : Math.min(size, MAX_PAGE_SIZE);
  }

  /** The first row of the page, for LIMIT/OFFSET. */
  public long offset() {
    return (long) page * size;
  }

  /** The text filter as a LIKE pattern with the wildcards of the input escaped. */
  public String likePattern() {
    if (q == null) {
      return null;
    }
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
