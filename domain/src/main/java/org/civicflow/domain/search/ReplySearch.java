package org.civicflow.domain.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Service;

/**
 * The public search ranked by relevance (BM25; a match in the title weighs more) or newest first,
 * with the counts per department, year and category of all the matches.
 */
@Service
public class ReplySearch {

  /** Facet names of the counts. */
  public static final String DEPARTMENT = SearchDocuments.DEPARTMENT;

  public static final String YEAR = SearchDocuments.YEAR;
  public static final String CATEGORY = SearchDocuments.CATEGORY;

  private static final List<String> FACETS = List.of(DEPARTMENT, YEAR, CATEGORY);
  private static final Sort NEWEST =
      new Sort(new SortField(SearchDocuments.TIME, SortField.Type.LONG, true));
  private static final Sort RELEVANCE =
      new Sort(
          SortField.FIELD_SCORE, new SortField(SearchDocuments.TIME, SortField.Type.LONG, true));

  private final LocalSearchIndex index;

  ReplySearch(LocalSearchIndex index) {
    this.index = index;
  }

  /** What the public search asks: the text, the filters, the order and the page. */
  public record Request(
      RankedQuery text,
      String session,
      String department,
      Integer year,
      String category,
      boolean newest,
      long offset,
      int size) {}

  /** Publication ids of one page, the exact number of matches, and the counts per facet. */
  public record Hits(List<Long> ids, long total, Map<String, Map<String, Integer>> facets) {}

  /** One page of published replies, leaving out those withheld. */
  public Hits search(Request r, Set<Long> withheld) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // only replies carry the public flag: no filter on the kind too (one posting list fewer to
    // intersect with every match — a quarter of the search's time at 20,000 replies)
    b.add(new TermQuery(new Term(SearchDocuments.PUBLIC, "1")), Occur.FILTER);
    filter(b, SearchDocuments.SESSION, r.session());
    filter(b, SearchDocuments.DEPARTMENT, r.department());
    filter(b, SearchDocuments.YEAR, r.year() == null ? null : String.valueOf(r.year()));
    filter(b, SearchDocuments.CATEGORY, r.category());
    r.text().addTo(b);
    if (!withheld.isEmpty()) {
      List<BytesRef> keys = new ArrayList<>();
      withheld.forEach(id -> keys.add(new BytesRef(SearchDocuments.replyKey(id).text())));
      b.add(new TermInSetQuery(SearchDocuments.KEY, keys), Occur.MUST_NOT);
    }
    if (!r.text().hasTerms()) {
      b.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    Query query = b.build();
    Sort sort = r.newest() || !r.text().hasTerms() ? NEWEST : RELEVANCE;
    return index.read(searcher -> run(searcher, query, sort, r));
  }

  private static Hits run(IndexSearcher searcher, Query query, Sort sort, Request r) {
    try {
      int wanted =
          (int) Math.min(Math.max(1, searcher.getIndexReader().maxDoc()), r.offset() + r.size());
      Object[] results =
          searcher.search(
              query,
              new MultiCollectorManager(
                  new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE),
                  FacetCounter.manager(FACETS)));
      TopDocs top = (TopDocs) results[0];
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Integer>> facets = (Map<String, Map<String, Integer>>) results[1];
      List<Long> ids = new ArrayList<>();
      for (int i = (int) Math.min(r.offset(), top.scoreDocs.length);
          i < top.scoreDocs.length;
          i++) {
        ScoreDoc d = top.scoreDocs[i];
        ids.add(
            searcher
                .storedFields()
                .document(d.doc)
                .getField(SearchDocuments.ID)
                .numericValue()
                .longValue());
      }
      return new Hits(ids, top.totalHits.value, facets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void filter(BooleanQuery.Builder b, String field, String value) {
    if (value != null) {
      b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  /** The passages of a reply's text that match the search (for the list's highlights). */
  public static List<String> highlights(RankedQuery text, String replyText, int max) {
    if (!text.hasTerms()) {
      return List.of();
    }
    return Passages.of(text.highlightQuery(SearchDocuments.BODY), replyText, max);
  }
}
