package org.civicflow.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTokensTest {

  @Test
  void hanTextBecomesOverlappingBigramsAndOptionallyCharacters() {
    assertThat(SearchTokens.of(false, "直播带货")).containsExactly("直播", "播带", "带货");
    assertThat(SearchTokens.of(true, "直播")).containsExactly("直", "播", "直播");
  }

  @Test
  void aTwoCharacterWordInsideASentenceIsOneOfItsTokens() {
    assertThat(SearchTokens.of(false, "我局对抖音、快手等平台开展关键词监测。")).contains("快手", "监测", "关键", "键词");
    assertThat(SearchTokens.query("监测")).containsExactly("监测");
  }

  @Test
  void latinWordsAndNumbersAreLowerCasedWholeWords() {
    assertThat(SearchTokens.query("MCN机构 12315平台")).containsExactly("mcn", "机构", "12315", "平台");
  }

  @Test
  void punctuationSeparatesAndSingleCharactersStandForThemselves() {
    assertThat(SearchTokens.of(false, "监管,执法")).containsExactly("监管", "执法");
    assertThat(SearchTokens.query("监")).containsExactly("监");
    assertThat(SearchTokens.isSingleHan("监管")).isFalse();
  }
}
