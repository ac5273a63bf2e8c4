package org.civicflow.domain.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Service;

/**
 * The proposals whose number, title or content match a search text as the public search reads it
 * (Chinese without spaces, 12315, MCN, quoted phrases, {@code -word}): what the staff's list of
 * proposals finds besides its own matches of number, title, proposer and delegation. The list
 * applies its own filters (who may see what) to these ids.
 */
@Service
public class ProposalTextSearch {

  /** At most this many matches, best first (a search that finds more is narrowed by the user). */
  static final int MAX = 1000;

  private final LocalSearchIndex index;

  ProposalTextSearch(LocalSearchIndex index) {
    this.index = index;
  }

  /** The ids of the proposals matching, best first; none for a text without words. */
  public List<Long> matching(String q) {
    RankedQuery text = RankedQuery.parse(q);
    if (!text.hasTerms()) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(SearchDocuments.KIND, SearchDocuments.PROPOSAL)), Occur.FILTER);
    text.addTo(b);
    BooleanQuery query = b.build();
    return index.read(
        searcher -> {
          try {
            TopDocs top = searcher.search(query, MAX);
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) {
              ids.add(
                  searcher
                      .storedFields()
                      .document(d.doc)
                      .getField(SearchDocuments.ID)
                      .numericValue()
                      .longValue());
            }
            return ids;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
