package org.civicflow.engine.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who caused the current step: the signed-in user whose action completed a task or sent a message,
 * or {@code system} for timers and jobs.
 */
public final class Actors {

  public static final String SYSTEM = "system";

  private Actors() {}

  public static String current(DelegateExecution execution) {
    Authentication auth =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    String onBehalf = ActorContext.current();
    return onBehalf == null ? SYSTEM : onBehalf;
  }
}
