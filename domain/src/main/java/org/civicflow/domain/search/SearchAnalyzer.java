package org.civicflow.domain.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The words of the search: Latin words and numbers as they stand (lower case, full-width folded:
 * {@code ＭＣＮ} is {@code mcn}, {@code 12315} one token), Han text as overlapping bigrams ({@code
 * 直播带货} is 直播, 播带, 带货 at consecutive positions, so a phrase query finds the word and nothing else).
 * With {@code unigrams} every Han character stands alone instead (the field that single character
 * searches use).
 */
final class SearchAnalyzer extends Analyzer {

  private final boolean unigrams;

  SearchAnalyzer(boolean unigrams) {
    this.unigrams = unigrams;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new CJKWidthFilter(source);
    result = new LowerCaseFilter(result);
    if (!unigrams) {
      result =
          new CJKBigramFilter(
              result,
              CJKBigramFilter.HAN
                  | CJKBigramFilter.HIRAGANA
                  | CJKBigramFilter.KATAKANA
                  | CJKBigramFilter.HANGUL,
              false);
    }
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(new CJKWidthFilter(in));
  }
}
