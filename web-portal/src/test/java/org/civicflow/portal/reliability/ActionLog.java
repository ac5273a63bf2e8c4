package org.civicflow.portal.reliability;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the clients asked for and what the application answered. An acknowledged action (a 2xx
 * answer) must be in the database afterwards; an action without an answer may or may not be.
 */
final class ActionLog {

  /** How a request ended. */
  enum Outcome {
    /** 2xx: the application says it is done. */
    ACKNOWLEDGED,
    /** 4xx: refused (the task was completed meanwhile, or the state moved on). */
    REFUSED,
    /** No answer (node killed or down): unknown. */
    UNKNOWN
  }

  /**
   * One request about one proposal.
   *
   * @param kind {@code register}, {@code complete} or {@code withdraw}
   * @param taskId the completed task (complete only)
   * @param key the task key (complete only)
   */
  record Action(
      long proposalId,
      String kind,
      String taskId,
      String key,
      String user,
      String node,
      Outcome outcome,
      int status) {}

  private final ConcurrentLinkedQueue<Action> actions = new ConcurrentLinkedQueue<>();

  void record(Action a) {
    actions.add(a);
  }

  List<Action> all() {
    return List.copyOf(actions);
  }

  List<Action> acknowledged() {
    return actions.stream().filter(a -> a.outcome() == Outcome.ACKNOWLEDGED).toList();
  }

  long count(Outcome outcome) {
    return actions.stream().filter(a -> a.outcome() == outcome).count();
  }
}
