package org.civicflow.domain.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactRedactorTest {

  @Test
  void removesPhonesEmailsAndIdNumbers() {
    String text =
        "联系人张明,手机13812345678,电话0410-2345678,邮箱 zhang.ming@example.gov.cn,"
            + "身份证号210123198001011234。";
    String redacted = ContactRedactor.redact(text);
    assertThat(redacted)
        .doesNotContain(
            "13812345678", "0410-2345678", "zhang.ming@example.gov.cn", "210123198001011234");
    assertThat(redacted).contains("联系人张明").contains(ContactRedactor.MARK);
  }

  @Test
  void keepsPublicServiceNumbersDatesAndAmounts() {
    String text = "请拨打12315或110,检查主播账号300余个,2022年5月30日。";
    assertThat(ContactRedactor.redact(text)).isEqualTo(text);
  }
}
