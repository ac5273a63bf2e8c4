package org.civicflow.engine.task;

/**
 * Filters of an inbox page; all optional.
 *
 * @param key one task key (step)
 * @param keyOnly only key items (重点督办)
 */
public record InboxFilter(
    String key, Long sessionId, Boolean keyOnly, Long proposalId, int page, int size) {

  public static final int MAX_SIZE = 200;

  public InboxFilter {
    page = Math.max(page, 0);
    size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
  }

  public long offset() {
    return (long) page * size;
  }
}
