package org.civicflow.domain.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Service;

/**
 * What is like a given text: proposals (of the same session — candidates for merging — or of
 * earlier ones) and replies. The text's most telling words (bigrams and Latin words weighed by how
 * often they occur in it and how rare they are in the index, {@link MoreLikeThis}) make one query,
 * ranked by BM25; a word of the title counts in the title and in the text. The score is relative to
 * the text itself (1 = as alike as the text is to itself).
 */
@Service
public class SimilarItems {

  /** Words of the text that make the query at most. */
  static final int QUERY_TERMS = 30;

  /** Candidates looked at to fill a page after leaving out those the caller may not see. */
  static final int CANDIDATES = 100;

  static final int PASSAGES = 2;

  private final LocalSearchIndex index;
  private final SearchSourceMapper source;

  SimilarItems(LocalSearchIndex index, SearchSourceMapper source) {
    this.index = index;
    this.source = source;
  }

  /** Which proposals: of the same session, of the others, or all. */
  public enum Scope {
    SESSION,
    EARLIER,
    ALL
  }

  /** A similar item: a proposal id or a publication id, its score and matching passages. */
  public record Hit(long id, long proposalId, double score, List<String> passages) {}

  /** A text to compare with: its title and its body. */
  public record Text(String title, String body) {}

  /**
   * The proposals most like one (never itself), best first.
   *
   * @param visible which proposal ids the caller may see
   */
  public List<Hit> proposals(long proposalId, Scope scope, int size, Predicate<Long> visible) {
    SearchSourceMapper.ProposalRow p =
        source.proposals(List.of(proposalId)).stream().findFirst().orElse(null);
    if (p == null) {
      return List.of();
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(kind(SearchDocuments.PROPOSAL), Occur.FILTER);
    Query session = new TermQuery(new Term(SearchDocuments.SESSION, p.sessionName()));
    if (scope == Scope.SESSION) {
      filter.add(session, Occur.FILTER);
    } else if (scope == Scope.EARLIER) {
      filter.add(session, Occur.MUST_NOT);
    }
    return similar(
        new Text(p.title(), p.content()),
        SearchDocuments.proposalKey(proposalId),
        filter,
        size,
        visible);
  }

  /**
   * The replies most like a proposal (never its own), best first.
   *
   * @param department whose non-public replies the caller may read too ({@code null}: public
   *     replies only; {@code "*"}: every reply)
   */
  public List<Hit> replies(long proposalId, String department, int size) {
    SearchSourceMapper.ProposalRow p =
        source.proposals(List.of(proposalId)).stream().findFirst().orElse(null);
    if (p == null) {
      return List.of();
    }
    BooleanQuery.Builder filter = readable(department);
    filter.add(
        new TermQuery(new Term(SearchDocuments.OF_PROPOSAL, String.valueOf(proposalId))),
        Occur.MUST_NOT);
    return similar(new Text(p.title(), p.content()), null, filter, size, id -> true);
  }

  /** The published replies most like a published reply (never itself). */
  public List<Hit> related(long publicationId, Text text, int size) {
    BooleanQuery.Builder filter = readable(null);
    return similar(text, SearchDocuments.replyKey(publicationId), filter, size, id -> true);
  }

  /** Proposals like a text (the labelled set's measure: no proposal of the index to start from). */
  public List<Hit> proposalsLike(Text text, int size) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(kind(SearchDocuments.PROPOSAL), Occur.FILTER);
    return similar(text, null, filter, size, id -> true);
  }

  /** The signed replies of proposals with the latest rating of each department. */
  public List<SearchSourceMapper.AnswerRow> answers(List<Long> proposalIds) {
    return proposalIds.isEmpty() ? List.of() : source.answers(proposalIds);
  }

  private static BooleanQuery.Builder readable(String department) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(kind(SearchDocuments.REPLY), Occur.FILTER);
    if (!"*".equals(department)) {
      BooleanQuery.Builder may = new BooleanQuery.Builder();
      may.add(new TermQuery(new Term(SearchDocuments.PUBLIC, "1")), Occur.SHOULD);
      if (department != null) {
        may.add(new TermQuery(new Term(SearchDocuments.DEPARTMENT, department)), Occur.SHOULD);
      }
      filter.add(may.build(), Occur.FILTER);
    }
    return filter;
  }

  private static Query kind(String kind) {
    return new TermQuery(new Term(SearchDocuments.KIND, kind));
  }

  private List<Hit> similar(
      Text text, Term self, BooleanQuery.Builder filter, int size, Predicate<Long> visible) {
    return index.read(
        searcher -> {
          try {
            Query like = like(searcher, text);
            if (like == null) {
              return List.of();
            }
            double selfScore = selfScore(searcher, like, self);
            if (self != null) {
              filter.add(new TermQuery(self), Occur.MUST_NOT);
            }
            Query query = filter.add(like, Occur.MUST).build();
            TopDocs top = searcher.search(query, Math.max(size, CANDIDATES));
            if (selfScore <= 0) {
              selfScore = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
            }
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) {
              Document doc = searcher.storedFields().document(d.doc);
              long id = doc.getField(SearchDocuments.ID).numericValue().longValue();
              if (!visible.test(id)) {
                continue;
              }
              var pid = doc.getField(SearchDocuments.PROPOSAL_ID);
              double score = Math.min(1.0, d.score / selfScore);
              hits.add(
                  new Hit(
                      id,
                      pid == null ? id : pid.numericValue().longValue(),
                      Math.round(score * 1000) / 1000.0,
                      Passages.of(like, doc.get(SearchDocuments.BODY), PASSAGES)));
              if (hits.size() == size) {
                break;
              }
            }
            return hits;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The score of the text's own document, if it is in the index. */
  private static double selfScore(IndexSearcher searcher, Query like, Term self)
      throws IOException {
    if (self == null) {
      return 0;
    }
    Query own =
        new BooleanQuery.Builder()
            .add(like, Occur.MUST)
            .add(new TermQuery(self), Occur.FILTER)
            .build();
    TopDocs top = searcher.search(own, 1);
    return top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score;
  }

  static Query like(IndexSearcher searcher, Text text) throws IOException {
    return like(searcher, text, QUERY_TERMS, 100);
  }

  /**
   * The query of the text's {@code terms} most telling words, leaving out words in more than {@code
   * maxDocFreqPct} % of the documents (100: none left out); the probe varies both.
   */
  static Query like(IndexSearcher searcher, Text text, int terms, int maxDocFreqPct)
      throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(new SearchAnalyzer(false));
    mlt.setFieldNames(new String[] {SearchDocuments.TITLE, SearchDocuments.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMinWordLen(2);
    mlt.setMaxQueryTerms(terms);
    if (maxDocFreqPct < 100) {
      mlt.setMaxDocFreqPct(maxDocFreqPct);
    }
    mlt.setBoost(true);
    String all = (text.title() == null ? "" : text.title()) + "\n" + nz(text.body());
    Map<String, Collection<Object>> fields = new HashMap<>();
    fields.put(SearchDocuments.TITLE, List.of(all));
    fields.put(SearchDocuments.BODY, List.of(all));
    Query q = mlt.like(fields);
    return q instanceof BooleanQuery b && b.clauses().isEmpty() ? null : q;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
