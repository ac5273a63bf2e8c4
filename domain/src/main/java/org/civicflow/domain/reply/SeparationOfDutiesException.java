package org.civicflow.domain.reply;

import org.civicflow.domain.common.ForbiddenException;

/**
 * A decision on a draft refused by the separation of duties: the person wrote the version, or
 * already approved it. Its message key names the rule ({@code sod.author}, {@code sod.reviewer},
 * {@code sod.twice}).
 */
public class SeparationOfDutiesException extends ForbiddenException {

  public SeparationOfDutiesException(String rule, int version) {
    super(rule, version);
  }
}
