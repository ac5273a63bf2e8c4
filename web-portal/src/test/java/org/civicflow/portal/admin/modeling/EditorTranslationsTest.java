package org.civicflow.portal.admin.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The editors' own texts exist in both languages, keyed by the toolkits' English texts. */
class EditorTranslationsTest {

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasenames("messages-editor");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }

  @Test
  void everyTextOfBpmnjsAndDmnjsHasAChineseTranslation() {
    for (EditorTranslations t : EditorTranslations.values()) {
      Map<String, String> zh = t.of(messages(), Locale.SIMPLIFIED_CHINESE);
      assertThat(zh).hasSize(t.codes().size());
      zh.forEach(
          (english, chinese) -> {
            assertThat(english).doesNotStartWith("editor.");
            assertThat(chinese).doesNotStartWith("editor.").isNotEqualTo(english);
          });
    }
    assertThat(EditorTranslations.BPMNJS.of(messages(), Locale.SIMPLIFIED_CHINESE))
        .containsEntry("Create user task", "创建人工任务")
        .containsEntry("Append gateway", "追加网关");
    assertThat(EditorTranslations.DMNJS.of(messages(), Locale.SIMPLIFIED_CHINESE))
        .containsEntry("Hit policy:", "命中策略：");
  }

  @Test
  void englishReadersKeepTheToolkitsOwnTexts() {
    assertThat(EditorTranslations.BPMNJS.of(messages(), Locale.ENGLISH)).isEmpty();
  }
}
