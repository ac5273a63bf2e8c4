package org.civicflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class HistoryWordsTest {

  static final Map<String, String> NAMES = Map.of("SCJG", "市场监督管理局", "WXB", "市委网信办", "GAJ", "市公安局");

  HistoryWords words;

  @BeforeEach
  void setUp() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages", "messages-phone");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    PortalFormat fmt = mock(PortalFormat.class);
    when(fmt.department(anyString()))
        .thenAnswer(i -> NAMES.getOrDefault(i.getArgument(0), i.getArgument(0)));
    when(fmt.chineseDate(anyString()))
        .thenAnswer(
            i -> {
              LocalDate d = LocalDate.parse(i.getArgument(0));
              return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            });
    words = new HistoryWords(messages, fmt);
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
  }

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void anAssignmentNamesTheLeadAndCoHandlingDepartmentsAndTheDueDate() {
    assertThat(words.detail("assignment.assign", "LEAD_CO [SCJG:LEAD, WXB:CO] due 2027-03-08"))
        .isEqualTo("主办 市场监督管理局，协办 市委网信办，答复期限 2027年3月8日");
  }

  @Test
  void aDraftSaysItsNumberCategoryAndDisclosure() {
    assertThat(words.detail("draft.submit", "SCJG v1 A PUBLIC")).isEqualTo("市场监督管理局 提交第1稿（A类，公开）");
  }

  @Test
  void aTaskIsNamedByItsStep() {
    assertThat(words.detail("task.complete", "reviewAcceptance")).isEqualTo("立案审查");
    assertThat(words.detail("task.claim", "signFor SCJG")).isEqualTo("签收（市场监督管理局）");
  }

  @Test
  void decisionsAndRatingsAreTheirLabels() {
    assertThat(words.detail("draft.review", "SCJG v2 RETURN: 请补充关键词监测情况"))
        .isEqualTo("市场监督管理局 第2稿 退回修改：请补充关键词监测情况");
    assertThat(words.detail("assignment.decideExtension", "GAJ APPROVE → 2027-04-08"))
        .isEqualTo("市公安局 同意延期，期限延至 2027年4月8日");
    assertThat(words.detail("feedback.give", "SCJG round 1 SATISFIED/UNSATISFIED"))
        .isEqualTo("市场监督管理局 第1轮：办理工作 满意，办理结果 不满意");
  }

  @Test
  void otherDetailsKeepTheirTextWithTheCodesTranslated() {
    assertThat(words.detail("reply.sign", "SCJG v1 sha256 0abc")).isEqualTo("市场监督管理局 第1稿");
    assertThat(words.detail("assignment.rehandle", "SCJG due 2027-05-01"))
        .isEqualTo("市场监督管理局 期限 2027年5月1日");
    assertThat(words.detail("user.create", "first administrator; roles=[ADMIN]"))
        .doesNotContain("ADMIN");
  }

  @Test
  void aMigrationNamesTheProcessAndItsVersions() {
    assertThat(words.detail("model.migrate", "departmentHandling v1 → v2"))
        .isEqualTo("部门办理流程由第1版改为第2版");
    assertThat(words.detail("model.migrate", "anAdminsOwnProcess v3 → v4"))
        .isEqualTo("办理流程由第3版改为第4版");
  }

  @Test
  void englishReadersReadEnglish() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(words.detail("draft.submit", "SCJG v1 A PUBLIC"))
        .isEqualTo("市场监督管理局 submitted draft 1 (category A, Public)");
  }
}
