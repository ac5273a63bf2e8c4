package org.civicflow.engine.task;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which way each person's inbox page was read last time — in index order (a large inbox) or by
 * sorting (a small one) — per filter, so that the next view can read its page alongside the totals
 * instead of after them. Only a guess: {@link Inbox} checks it against the totals and reads the
 * page again when the inbox has crossed the line. Kept in memory, for at most {@link #LIMIT} people
 * and filters (then forgotten all at once and learnt again).
 */
final class Plans {

  static final int LIMIT = 10_000;

  /** A person's inbox under one filter, whatever the page. */
  record Key(String user, List<String> groups, String taskKey, Long sessionId, Boolean keyOnly) {}

  private final Map<Key, Boolean> inOrder = new ConcurrentHashMap<>();

  static Key key(String user, List<String> groups, InboxFilter filter) {
    return new Key(user, List.copyOf(groups), filter.key(), filter.sessionId(), filter.keyOnly());
  }

  /** {@code true}: read in order last time; {@code false}: sorted; {@code null}: not known. */
  Boolean last(Key key) {
    return inOrder.get(key);
  }

  void remember(Key key, boolean readInOrder) {
    if (inOrder.size() >= LIMIT && !inOrder.containsKey(key)) {
      inOrder.clear();
    }
    inOrder.put(key, readInOrder);
  }
}
