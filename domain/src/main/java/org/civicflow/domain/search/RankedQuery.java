package org.civicflow.domain.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A search text as the ranked search reads it: words separated by spaces must all appear (each as
 * written: the characters of a Chinese word next to each other), {@code "…"} a phrase that may hold
 * spaces, {@code -word} or {@code -"…"} excludes. A match in the title weighs {@value #TITLE_BOOST}
 * times one in the text.
 */
public final class RankedQuery {

  static final float TITLE_BOOST = 3f;

  /** A part that is a proposal's number finds it first. */
  static final float NUMBER_BOOST = 10f;

  private static final Pattern PART = Pattern.compile("(-?)(?:\"([^\"]*)\"?|(\\S+))");
  private static final Analyzer BIGRAMS = new SearchAnalyzer(false);

  /** One part of the text: its words, and whether it excludes. */
  record Part(String text, boolean excluded) {}

  private final List<Part> parts;

  private RankedQuery(List<Part> parts) {
    this.parts = parts;
  }

  /** Reads a search text (null or blank: no part). */
  public static RankedQuery parse(String q) {
    List<Part> parts = new ArrayList<>();
    if (q != null) {
      Matcher m = PART.matcher(q);
      while (m.find()) {
        String text = m.group(2) != null ? m.group(2) : m.group(3);
        boolean excluded = !m.group(1).isEmpty();
        if (m.group(3) != null && m.group(3).equals("-")) {
          continue;
        }
        if (!text.isBlank() && !tokens(text).isEmpty()) {
          parts.add(new Part(text.strip(), excluded));
        }
      }
    }
    return new RankedQuery(parts);
  }

  /** Whether any part must appear (else the order cannot be by relevance). */
  public boolean hasTerms() {
    return parts.stream().anyMatch(p -> !p.excluded());
  }

  /** The texts that must appear: what a page marks in the results. */
  public List<String> wanted() {
    return parts.stream().filter(p -> !p.excluded()).map(Part::text).toList();
  }

  /** The clauses of this text added to a query: must for wanted parts, must-not for excluded. */
  void addTo(BooleanQuery.Builder query) {
    for (Part p : parts) {
      query.add(match(p.text()), p.excluded() ? Occur.MUST_NOT : Occur.MUST);
    }
  }

  /** The wanted parts as a query on the text field only: what a passage highlights. */
  Query highlightQuery(String field) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Part p : parts) {
      if (!p.excluded()) {
        b.add(phrase(field, tokens(p.text())), Occur.SHOULD);
      }
    }
    return b.build();
  }

  /** A part found in the title (weighing more) or in the text. */
  static Query match(String text) {
    List<Token> tokens = tokens(text);
    boolean loneHan = tokens.stream().anyMatch(t -> isSingleHan(t.term()));
    if (loneHan) {
      // a lone character is not a word of the index (those are pairs): it is looked up among the
      // single characters, and the part's tokens need not stand together
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (Token t : tokens) {
        String field =
            isSingleHan(t.term()) ? SearchDocuments.UNIGRAMS : SearchDocuments.BODY_AND_TITLE;
        if (field.equals(SearchDocuments.UNIGRAMS)) {
          all.add(new TermQuery(new Term(field, t.term())), Occur.MUST);
        } else {
          all.add(
              new BooleanQuery.Builder()
                  .add(termIn(SearchDocuments.TITLE, t.term()), Occur.SHOULD)
                  .add(termIn(SearchDocuments.BODY, t.term()), Occur.SHOULD)
                  .build(),
              Occur.MUST);
        }
      }
      return all.build();
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(phrase(SearchDocuments.TITLE, tokens), TITLE_BOOST), Occur.SHOULD)
        .add(phrase(SearchDocuments.BODY, tokens), Occur.SHOULD)
        .add(number(text), Occur.SHOULD)
        .setMinimumNumberShouldMatch(1)
        .build();
  }

  private static Query number(String text) {
    Term t = new Term(SearchDocuments.NUMBER, SearchDocuments.normalNumber(text));
    return new BoostQuery(new TermQuery(t), NUMBER_BOOST);
  }

  private static Query termIn(String field, String term) {
    Query q = new TermQuery(new Term(field, term));
    return field.equals(SearchDocuments.TITLE) ? new BoostQuery(q, TITLE_BOOST) : q;
  }

  static Query phrase(String field, List<Token> tokens) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).term()));
    }
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    for (Token t : tokens) {
      b.add(new Term(field, t.term()), t.position());
    }
    return b.build();
  }

  /** A token of the analysed text and its position. */
  record Token(String term, int position) {}

  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = BIGRAMS.tokenStream(SearchDocuments.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(new Token(term.toString(), pos));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static boolean isSingleHan(String term) {
    return term.codePointCount(0, term.length()) == 1
        && Character.UnicodeScript.of(term.codePointAt(0)) == Character.UnicodeScript.HAN;
  }
}
