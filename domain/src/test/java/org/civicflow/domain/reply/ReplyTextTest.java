package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

  @Test
  void keepsParagraphsAndNumberedPoints() {
    String text = "金淼代表:\r\n\r\n一、联合监管。\r\n二、平台监测。\r\n";
    assertThat(ReplyText.normalize(text)).isEqualTo("金淼代表:\n\n一、联合监管。\n二、平台监测。");
  }

  @Test
  void removesControlZeroWidthAndDirectionCharactersAndBlankRuns() {
    String text = "答复\u0000正文\u200B\u202E隐藏\u2066\n\n\n\n下一段   \n结尾\uFEFF";
    assertThat(ReplyText.normalize(text)).isEqualTo("答复正文隐藏\n\n下一段\n结尾");
  }

  @Test
  void markupStaysTextToBeEscapedOnOutput() {
    assertThat(ReplyText.normalize("<script>alert(1)</script>"))
        .isEqualTo("<script>alert(1)</script>");
  }
}
