package org.civicflow.portal.setup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refusal of {@link DatabaseSettingsCheck} in a few lines, without a stack trace. */
public class DatabaseSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<DatabaseSettingsCheck.DatabaseSettingException> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, DatabaseSettingsCheck.DatabaseSettingException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Give the database settings as environment variables or --NAME=value arguments:"
            + " CIVICFLOW_DB_USER, CIVICFLOW_DB_PASSWORD (and CIVICFLOW_DB_HOST, CIVICFLOW_DB_PORT,"
            + " CIVICFLOW_DB_NAME, CIVICFLOW_DB_SSL_MODE); see README, Profiles.",
        cause);
  }
}
