package org.civicflow.engine.support;

import java.util.function.Supplier;

/**
 * The person on whose behalf CivicFlow calls the engine for steps that are not task work (starting
 * a process, sending a message). Those calls run without Camunda authentication — CivicFlow has
 * checked the person's right to them — so the actor travels here instead.
 */
public final class ActorContext {

  private static final ThreadLocal<String> ACTOR = new ThreadLocal<>();

  private ActorContext() {}

  public static <T> T runAs(String actor, Supplier<T> work) {
    String previous = ACTOR.get();
    ACTOR.set(actor);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        ACTOR.remove();
      } else {
        ACTOR.set(previous);
      }
    }
  }

  static String current() {
    return ACTOR.get();
  }
}
