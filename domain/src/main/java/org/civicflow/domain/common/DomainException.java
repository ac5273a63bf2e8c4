package org.civicflow.domain.common;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A refusal by a business rule. Carries a message key (resolved by the web layer in the user's
 * language) and its arguments; never a stack trace for people.
 */
public abstract class DomainException extends RuntimeException {

  private final String messageKey;
  private final transient List<Object> arguments;

  protected DomainException(String messageKey, Object... arguments) {
    super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
    this.messageKey = messageKey;
    this.arguments = Collections.unmodifiableList(Arrays.asList(arguments.clone()));
  }

  /** The message bundle key that explains the refusal. */
  public String messageKey() {
    return messageKey;
  }

  /** The arguments of the message. */
  public List<Object> arguments() {
    return arguments;
  }
}
