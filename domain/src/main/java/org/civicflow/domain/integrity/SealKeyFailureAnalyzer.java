package org.civicflow.domain.integrity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for want of a usable seal key says so in two lines, without a stack trace. */
class SealKeyFailureAnalyzer extends AbstractFailureAnalyzer<SealKeyProblem> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SealKeyProblem cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
