package org.civicflow.portal.setup;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Stops a start on the {@code mysql} profile at once, with one line naming the setting, when the
 * database credentials are missing — there is no default user {@code root} with an empty password —
 * or {@code CIVICFLOW_DB_SSL_MODE} is not one of the driver's modes. {@code CIVICFLOW_DB_USER} must
 * be set and not blank; {@code CIVICFLOW_DB_PASSWORD} must be set, an explicitly empty value being
 * allowed (a server whose user has no password).
 *
 * <p>It runs when the settings are known and logging is set up, before anything connects (a
 * listener of {@link ApplicationEnvironmentPreparedEvent}, registered in {@code
 * META-INF/spring.factories}); {@link DatabaseSettingsFailureAnalyzer} turns the refusal into
 * Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace.
 */
public class DatabaseSettingsCheck
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  /** The driver's {@code sslMode} values. */
  static final List<String> SSL_MODES =
      List.of("DISABLED", "PREFERRED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    check(event.getEnvironment());
  }

  /** Throws {@link DatabaseSettingException} naming the first missing or wrong setting. */
  static void check(Environment env) {
    if (!env.acceptsProfiles(Profiles.of("mysql"))) {
      return;
    }
    String user = env.getProperty("CIVICFLOW_DB_USER");
    if (user == null || user.isBlank()) {
      throw new DatabaseSettingException(
          "CIVICFLOW_DB_USER is not set: the mysql profile has no default database user. Set"
              + " CIVICFLOW_DB_USER and CIVICFLOW_DB_PASSWORD.");
    }
    if (env.getProperty("CIVICFLOW_DB_PASSWORD") == null) {
      throw new DatabaseSettingException(
          "CIVICFLOW_DB_PASSWORD is not set: the mysql profile has no default database password."
              + " Set CIVICFLOW_DB_PASSWORD (to an empty value for a user without a password).");
    }
    String ssl = env.getProperty("CIVICFLOW_DB_SSL_MODE");
    if (ssl != null && !SSL_MODES.contains(ssl.strip().toUpperCase(Locale.ROOT))) {
      throw new DatabaseSettingException(
          "CIVICFLOW_DB_SSL_MODE is '" + ssl + "' but must be one of " + SSL_MODES + ".");
    }
  }

  @Override
  public int getOrder() {
    // after logging is set up, so that the refusal is logged like everything else
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }

  /** A missing or wrong database setting: start-up stops. */
  public static class DatabaseSettingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DatabaseSettingException(String message) {
      super(message);
    }
  }
}
