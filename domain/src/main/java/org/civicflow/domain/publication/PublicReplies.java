package org.civicflow.domain.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.search.PublicQuery;
import org.civicflow.domain.search.PublicSearchIndex;
import org.civicflow.domain.search.RankedQuery;
import org.civicflow.domain.search.ReplySearch;
import org.civicflow.domain.search.SimilarItems;
import org.springframework.stereotype.Service;

/**
 * The public site's replies: found through the search index, always rendered from their verified
 * form ({@link IntegrityGuard}).
 */
@Service
public class PublicReplies {

  /** Passages of a reply's text highlighted per list item at most. */
  static final int HIGHLIGHTS = 2;

  private final PublicSearchIndex index;
  private final ReplySearch ranked;
  private final SimilarItems similar;
  private final IntegrityGuard guard;

  PublicReplies(
      PublicSearchIndex index, ReplySearch ranked, SimilarItems similar, IntegrityGuard guard) {
    this.index = index;
    this.ranked = ranked;
    this.similar = similar;
    this.guard = guard;
  }

  /**
   * One page of published replies and the number of all that match ({@code exact} or about); with a
   * search text, the passages of each reply that match (by publication id) and the texts marked.
   *
   * @param counts the matches per department, year and category ({@link ReplySearch#DEPARTMENT} …)
   *     → value → number
   */
  public record Page(
      List<VerifiedReply> items,
      long total,
      boolean exact,
      PublicQuery query,
      boolean newest,
      List<String> terms,
      Map<Long, List<String>> highlights,
      Map<String, Map<String, Integer>> counts) {

    public long pages() {
      return (total + query.size() - 1) / query.size();
    }

    public List<String> highlightsOf(long id) {
      return highlights.getOrDefault(id, List.of());
    }

    public Map<String, Integer> countsOf(String facet) {
      return counts.getOrDefault(facet, Map.of());
    }
  }

  /** What the filters offer: the years, sessions and departments that have published replies. */
  /**
   * The values the published replies have.
   *
   * @param categories the result categories they were signed with, by code
   */
  public record Facets(
      List<Integer> years,
      List<String> sessions,
      List<String> departments,
      List<String> categories) {}

  /**
   * One page of published replies. Withheld replies are left out of the page and of the total
   * alike: those already known as withheld (on any node: the open integrity failures are in the
   * database) in the search itself; one found changed only now, while this page is read, is taken
   * off the total here.
   */
  public Page search(PublicQuery query) {
    return search(query, false);
  }

  /**
   * One page of published replies: by relevance when there is a search text, unless {@code newest}
   * (newest first, as always without a text). Searched in this node's index ({@link ReplySearch});
   * the items are the verified replies.
   */
  public Page search(PublicQuery query, boolean newest) {
    RankedQuery text = RankedQuery.parse(query.q());
    ReplySearch.Hits hits =
        ranked.search(
            new ReplySearch.Request(
                text,
                query.session(),
                query.department(),
                query.year(),
                query.category(),
                newest,
                query.offset(),
                query.size()),
            guard.withheldIds());
    List<VerifiedReply> items = guard.replies(hits.ids());
    long total = Math.max(0, hits.total() - (hits.ids().size() - items.size()));
    Map<Long, List<String>> highlights = new HashMap<>();
    for (VerifiedReply r : items) {
      if (!r.withdrawn()) {
        List<String> passages = ReplySearch.highlights(text, r.publicText(), HIGHLIGHTS);
        if (passages.isEmpty()) {
          passages = ReplySearch.highlights(text, r.shown().suggestionText(), HIGHLIGHTS);
        }
        highlights.put(r.id(), passages);
      }
    }
    return new Page(
        items,
        total,
        true,
        query,
        newest || !text.hasTerms(),
        text.wanted(),
        highlights,
        hits.facets());
  }

  /**
   * A few published replies most like a published reply (相关答复), verified; none for a withdrawn one.
   */
  public List<VerifiedReply> related(VerifiedReply reply, int size) {
    if (reply.withdrawn()) {
      return List.of();
    }
    List<Long> ids =
        similar
            .related(
                reply.id(), new SimilarItems.Text(reply.shown().title(), reply.publicText()), size)
            .stream()
            .map(SimilarItems.Hit::id)
            .filter(id -> !guard.withheldIds().contains(id))
            .toList();
    return guard.replies(ids).stream().filter(r -> !r.withdrawn()).toList();
  }

  public VerifiedReply reply(long id) {
    return guard.reply(id);
  }

  public Facets facets() {
    List<Integer> years = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    List<String> departments = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (Map.Entry<String, Integer> e : index.facetCounts().entrySet()) {
      String key = e.getKey();
      if (key.startsWith("f:year:")) {
        years.add(Integer.valueOf(key.substring(7)));
      } else if (key.startsWith("f:sess:")) {
        sessions.add(key.substring(7));
      } else if (key.startsWith("f:dept:")) {
        departments.add(key.substring(7));
      } else if (key.startsWith("f:cat:")) {
        categories.add(key.substring(6));
      }
    }
    years.sort(java.util.Comparator.reverseOrder());
    categories.sort(java.util.Comparator.naturalOrder());
    return new Facets(years, sessions, departments, categories);
  }
}
