package org.civicflow.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Highlighting matches the searched words whatever their case, and always cuts the original text:
 * also where a character changes length when lower-cased.
 */
class HighlighterTest {

  /** The segments written back as text, with the marked ones in brackets. */
  private static String marked(String text, String query) {
    List<Highlighter.Segment> segments = Highlighter.mark(text, Highlighter.terms(query));
    assertThat(segments.stream().map(Highlighter.Segment::text).collect(Collectors.joining()))
        .as("the segments are the original text")
        .isEqualTo(text == null ? "" : text);
    return segments.stream()
        .map(s -> s.marked() ? "[" + s.text() + "]" : s.text())
        .collect(Collectors.joining());
  }

  @Test
  void charactersThatGrowWhenLowerCasedKeepTheOriginalPositions() {
    // "İ".toLowerCase() is two chars: a lower-cased copy's positions are one further on per İ
    assertThat(marked("İİİ İstanbul'da toplantı, İzmir", "izmir"))
        .isEqualTo("İİİ İstanbul'da toplantı, [İzmir]");
    assertThat(marked("İİİİİİ kontrol", "kontrol")).isEqualTo("İİİİİİ [kontrol]");
    assertThat(marked("Büro in İstanbul", "İSTANBUL")).isEqualTo("Büro in [İstanbul]");
    assertThat(marked("Büro in İstanbul", "istanbul")).isEqualTo("Büro in [İstanbul]");
    assertThat(marked("istanbul İSTANBUL", "İstanbul")).isEqualTo("[istanbul] [İSTANBUL]");
  }

  @Test
  void theCapitalSharpSAndTheFinalSigmaMatchTheirLowerCase() {
    assertThat(marked("HAUPTSTRAẞE 5", "straße")).isEqualTo("HAUPT[STRAẞE] 5");
    assertThat(marked("Hauptstraße 5", "STRAẞE")).isEqualTo("Haupt[straße] 5");
    assertThat(marked("ΟΔΟΣ ΑΘΗΝΑΣ", "οδος")).isEqualTo("[ΟΔΟΣ] ΑΘΗΝΑΣ");
  }

  @Test
  void chineseMixedAndSupplementaryCharacters() {
    assertThat(marked("金淼代表:关于直播带货的建议", "直播带货")).isEqualTo("金淼代表:关于[直播带货]的建议");
    assertThat(marked("İzmir市的直播带货 LIVE 监管", "live 监管")).isEqualTo("İzmir市的直播带货 [LIVE 监管]");
    // a character outside the BMP (two chars) before and inside the match
    assertThat(marked("𠮷野家的𠮷字", "𠮷字")).isEqualTo("𠮷野家的[𠮷字]");
  }

  @Test
  void overlappingAndAdjacentTermsMarkTheirUnion() {
    assertThat(marked("abcdef", "abc cde")).isEqualTo("[abcde]f");
    assertThat(marked("aaaa b", "aa")).isEqualTo("[aaaa] b");
    assertThat(marked("直播带货", "直播 带货")).isEqualTo("[直播带货]");
    assertThat(marked("no match here", "xyz")).isEqualTo("no match here");
    assertThat(marked("", "xyz")).isEmpty();
    assertThat(Highlighter.mark(null, List.of("x"))).isEmpty();
    assertThat(marked("anything", " ")).isEqualTo("anything");
  }

  @Test
  void markupInTheTextStaysText() {
    // the template writes each segment with th:text, which escapes it
    assertThat(Highlighter.mark("<b>İ</b> & <script>", Highlighter.terms("<script>")))
        .containsExactly(
            new Highlighter.Segment("<b>İ</b> & ", false),
            new Highlighter.Segment("<script>", true));
  }

  @Test
  void theSnippetIsCutAroundTheFirstMatchOfTheOriginal() {
    String text = "İ".repeat(200) + " 关键词 " + "尾".repeat(300);
    String snippet = Highlighter.snippet(text, Highlighter.terms("关键词"));
    assertThat(snippet).startsWith("…").endsWith("…").contains("关键词");
    assertThat(snippet.indexOf("关键词")).isEqualTo(1 + Highlighter.SNIPPET_RADIUS);
    assertThat(marked(snippet, "关键词")).contains("[关键词]");
    // nothing found: the beginning; never a split surrogate pair
    assertThat(Highlighter.snippet("短文", Highlighter.terms("无"))).isEqualTo("短文");
    String emoji = "x" + "😀".repeat(200);
    String cut = Highlighter.snippet(emoji, Highlighter.terms("无"));
    assertThat(cut).startsWith("x").endsWith("😀…");
    assertThat(cut.substring(1, cut.length() - 1).codePoints().allMatch(cp -> cp == 0x1F600))
        .isTrue();
  }
}
