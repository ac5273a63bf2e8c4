package org.civicflow.domain.reply;

/** Whether the reply is published on the public site. */
public enum Disclosure {
  PUBLIC,
  /** Not published, with a reason that the registrar confirms. */
  NOT_PUBLIC
}
