package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTokensTest {

  @Test
  void hanTextBecomesOverlappingBigrams() {
    assertThat(SearchTokens.of("直播带货")).isEqualTo("z直播 z播带 z带货");
  }

  @Test
  void aTwoCharacterWordInsideASentenceIsOneOfItsTokens() {
    String stored = SearchTokens.of("我局对抖音、快手等平台开展关键词监测。");
    assertThat(stored.split(" ")).contains("z快手", "z监测", "z关键", "z键词");
    assertThat(SearchTokens.query("监测")).containsExactly("z监测");
  }

  @Test
  void latinWordsAndNumbersAreLowerCasedWholeWords() {
    assertThat(SearchTokens.query("MCN机构 12315平台")).containsExactly("zmcn", "z机构", "z12315", "z平台");
  }

  @Test
  void punctuationSeparatesAndSingleCharactersAreRecognised() {
    assertThat(SearchTokens.of("监管,执法")).isEqualTo("z监管 z执法");
    assertThat(SearchTokens.isSingleHan("监")).isTrue();
    assertThat(SearchTokens.isSingleHan("监管")).isFalse();
  }
}
