package org.civicflow.portal.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

/**
 * The mysql profile refuses to start without database credentials, naming the variable, and with an
 * unknown TLS mode; an explicitly empty password is allowed. Other profiles are not checked.
 */
class DatabaseSettingsCheckTest {

  private static MockEnvironment mysql() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("mysql");
    return env;
  }

  @Test
  void withoutAUserTheStartStopsNamingIt() {
    assertThatThrownBy(() -> DatabaseSettingsCheck.check(mysql()))
        .isInstanceOf(DatabaseSettingsCheck.DatabaseSettingException.class)
        .hasMessageStartingWith("CIVICFLOW_DB_USER is not set");
    assertThatThrownBy(
            () -> DatabaseSettingsCheck.check(mysql().withProperty("CIVICFLOW_DB_USER", " ")))
        .hasMessageStartingWith("CIVICFLOW_DB_USER is not set");
  }

  @Test
  void withoutAPasswordTheStartStopsNamingItButAnEmptyOneIsAllowed() {
    assertThatThrownBy(
            () -> DatabaseSettingsCheck.check(mysql().withProperty("CIVICFLOW_DB_USER", "civic")))
        .hasMessageStartingWith("CIVICFLOW_DB_PASSWORD is not set");
    assertThatCode(
            () ->
                DatabaseSettingsCheck.check(
                    mysql()
                        .withProperty("CIVICFLOW_DB_USER", "root")
                        .withProperty("CIVICFLOW_DB_PASSWORD", "")))
        .doesNotThrowAnyException();
  }

  @Test
  void theTlsModeIsOneOfTheDrivers() {
    MockEnvironment env =
        mysql()
            .withProperty("CIVICFLOW_DB_USER", "civic")
            .withProperty("CIVICFLOW_DB_PASSWORD", "s3cret")
            .withProperty("CIVICFLOW_DB_SSL_MODE", "verify_identity");
    assertThatCode(() -> DatabaseSettingsCheck.check(env)).doesNotThrowAnyException();
    env.setProperty("CIVICFLOW_DB_SSL_MODE", "YES");
    assertThatThrownBy(() -> DatabaseSettingsCheck.check(env))
        .hasMessageContaining("CIVICFLOW_DB_SSL_MODE is 'YES'")
        .hasMessageContaining("VERIFY_CA");
  }

  @Test
  void theEmbeddedDefaultNeedsNothing() {
    assertThatCode(() -> DatabaseSettingsCheck.check(new MockEnvironment()))
        .doesNotThrowAnyException();
  }

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}

  /**
   * The application's mysql profile: no demo data unless asked, TLS by one setting (PREFERRED by
   * default, no hard-coded {@code useSSL=false}), the credentials only from the variables.
   */
  @Test
  void theMysqlProfileHasNoDemoAndTlsByOneSetting() {
    SpringApplication app = new SpringApplication(Nothing.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (var context =
        app.run(
            "--spring.profiles.active=mysql",
            "--spring.config.location=classpath:/application.yml",
            "--CIVICFLOW_DB_USER=civic",
            "--CIVICFLOW_DB_PASSWORD=")) {
      var env = context.getEnvironment();
      assertThat(env.getProperty("civicflow.demo")).isEqualTo("false");
      assertThat(env.getProperty("spring.datasource.username")).isEqualTo("civic");
      assertThat(env.getProperty("spring.datasource.password")).isEmpty();
      assertThat(env.getProperty("spring.datasource.url"))
          .contains("sslMode=PREFERRED")
          .doesNotContain("useSSL");
    }
    try (var context =
        app.run(
            "--spring.profiles.active=mysql",
            "--spring.config.location=classpath:/application.yml",
            "--CIVICFLOW_DB_USER=civic",
            "--CIVICFLOW_DB_PASSWORD=x",
            "--CIVICFLOW_DB_SSL_MODE=VERIFY_IDENTITY")) {
      assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
          .contains("sslMode=VERIFY_IDENTITY");
    }
  }

  /** A real start on the mysql profile stops before anything connects, with Boot's short report. */
  @Test
  void aStartWithoutCredentialsStopsWithTheReport() {
    assumeTrue(System.getenv("CIVICFLOW_DB_USER") == null, "credentials in the environment");
    SpringApplication app = new SpringApplication(Nothing.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    // the application's own settings only (the tests' add the test server's credentials)
    assertThatThrownBy(
            () ->
                app.run(
                    "--spring.profiles.active=mysql",
                    "--spring.config.location=classpath:/application.yml"))
        .isInstanceOf(DatabaseSettingsCheck.DatabaseSettingException.class)
        .hasMessageContaining("CIVICFLOW_DB_USER");
    FailureAnalysis analysis =
        new DatabaseSettingsFailureAnalyzer()
            .analyze(
                new DatabaseSettingsCheck.DatabaseSettingException("CIVICFLOW_DB_USER is not set"));
    assertThat(analysis.getDescription()).isEqualTo("CIVICFLOW_DB_USER is not set");
    assertThat(analysis.getAction()).contains("CIVICFLOW_DB_PASSWORD");
  }
}
