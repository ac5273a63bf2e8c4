package org.civicflow.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.civicflow.domain.reply.TextDiff.Op;
import org.civicflow.domain.reply.TextDiff.Segment;
import org.junit.jupiter.api.Test;

class TextDiffTest {

  private static String side(List<Segment> diff, Op skip) {
    return diff.stream()
        .filter(s -> s.op() != skip)
        .map(Segment::text)
        .collect(Collectors.joining());
  }

  @Test
  void chineseIsComparedCharacterByCharacter() {
    List<Segment> d = TextDiff.diff("我局加强了直播监管。", "我局全面加强了直播带货监管。");
    assertThat(d)
        .containsExactly(
            new Segment(Op.EQUAL, "我局"),
            new Segment(Op.INSERT, "全面"),
            new Segment(Op.EQUAL, "加强了直播"),
            new Segment(Op.INSERT, "带货"),
            new Segment(Op.EQUAL, "监管。"));
  }

  @Test
  void latinWordsAndNumbersAreWholeWords() {
    List<Segment> d =
        TextDiff.diff("checked 300 accounts on Douyin", "checked 320 accounts on Kuaishou");
    assertThat(d)
        .contains(
            new Segment(Op.DELETE, "300"),
            new Segment(Op.INSERT, "320"),
            new Segment(Op.DELETE, "Douyin"),
            new Segment(Op.INSERT, "Kuaishou"));
  }

  @Test
  void bothSidesAreRebuiltExactly() {
    Random random = new Random(7);
    String alphabet = "监管部门直播平台消费者权益 abc 12。\n";
    for (int round = 0; round < 200; round++) {
      String before = randomText(random, alphabet);
      String after = randomText(random, alphabet);
      List<Segment> d = TextDiff.diff(before, after);
      assertThat(side(d, Op.INSERT)).isEqualTo(before);
      assertThat(side(d, Op.DELETE)).isEqualTo(after);
    }
  }

  @Test
  void identicalAndEmptyTexts() {
    assertThat(TextDiff.diff("一样", "一样")).containsExactly(new Segment(Op.EQUAL, "一样"));
    assertThat(TextDiff.diff("", "新")).containsExactly(new Segment(Op.INSERT, "新"));
    assertThat(TextDiff.diff("旧", "")).containsExactly(new Segment(Op.DELETE, "旧"));
    assertThat(TextDiff.diff(null, null)).isEmpty();
  }

  @Test
  void largeRewritesFallBackToOneReplacement() {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6000; i++) {
      a.append('甲');
      b.append('乙');
    }
    List<Segment> d = TextDiff.diff(a.toString(), b.toString());
    assertThat(d)
        .containsExactly(
            new Segment(Op.DELETE, a.toString()), new Segment(Op.INSERT, b.toString()));
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder sb = new StringBuilder();
    int len = random.nextInt(40);
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
