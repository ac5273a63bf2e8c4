package org.civicflow.portal.admin.modeling;

import java.util.Locale;
import org.civicflow.engine.modeling.ModelMigrations;
import org.springframework.context.MessageSource;

/**
 * One instance's result of a migration as the API answers it: {@code code} for programs ({@code
 * done}, {@code notOnSource}, {@code instanceRefused}, {@code failed}), {@code message} in the
 * caller's language, {@code detail} the engine's reason where there is one.
 */
record MigrationResult(
    String processInstanceId,
    Long proposalId,
    boolean migrated,
    String code,
    String message,
    String detail) {

  private static final String PREFIX = "migration.";

  static MigrationResult of(ModelMigrations.Result r, MessageSource messages, Locale locale) {
    String code =
        r.message().startsWith(PREFIX) ? r.message().substring(PREFIX.length()) : r.message();
    return new MigrationResult(
        r.processInstanceId(),
        r.proposalId(),
        r.migrated(),
        code,
        messages.getMessage(r.message(), null, r.message(), locale),
        r.detail());
  }
}
