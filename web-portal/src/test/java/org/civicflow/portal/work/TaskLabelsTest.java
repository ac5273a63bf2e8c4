package org.civicflow.portal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class TaskLabelsTest {

  private final TaskLabels labels = new TaskLabels(bundles());

  private static StaticMessageSource bundles() {
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("task.signOff", Locale.SIMPLIFIED_CHINESE, "领导签发");
    messages.addMessage("task.signOff", Locale.ENGLISH, "Leader sign-off");
    return messages;
  }

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aStepNamedAsItsFormShowsTheLabelInTheReadersLanguage() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.label("signOff", "领导签发")).isEqualTo("Leader sign-off");
    assertThat(labels.label("signOff", null)).isEqualTo("Leader sign-off");
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(labels.label("signOff", " 领导签发 ")).isEqualTo("领导签发");
  }

  @Test
  void aStepTheAdministratorNamedOtherwiseShowsItsOwnName() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.label("signOff", "主要领导签发")).isEqualTo("主要领导签发");
  }

  @Test
  void anUnknownKeyFallsBackToTheNameThenTheKey() {
    assertThat(labels.label("auditStep", "审计")).isEqualTo("审计");
    assertThat(labels.label("auditStep", "")).isEqualTo("auditStep");
  }
}
