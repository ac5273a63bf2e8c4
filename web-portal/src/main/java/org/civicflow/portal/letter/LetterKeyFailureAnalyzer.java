package org.civicflow.portal.letter;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for want of the letters' signing key store says so, without a stack trace. */
class LetterKeyFailureAnalyzer extends AbstractFailureAnalyzer<LetterKeyProblem> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, LetterKeyProblem cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
