package org.civicflow.domain.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The public site's replies: found through the search index, always rendered from their verified
 * form ({@link IntegrityGuard}).
 */
@Service
public class PublicReplies {

  private final PublicSearchIndex index;
  private final IntegrityGuard guard;

  PublicReplies(PublicSearchIndex index, IntegrityGuard guard) {
    this.index = index;
    this.guard = guard;
  }

  /** One page of published replies and the number of all that match ({@code exact} or about). */
  public record Page(List<VerifiedReply> items, long total, boolean exact, PublicQuery query) {

    public long pages() {
      return (total + query.size() - 1) / query.size();
    }
  }

  /** What the filters offer: the years, sessions and departments that have published replies. */
  public record Facets(List<Integer> years, List<String> sessions, List<String> departments) {}

  /**
   * One page of published replies. Withheld replies are left out of the page and of the total
   * alike: those already known as withheld (on any node: the open integrity failures are in the
   * database) in the search itself; one found changed only now, while this page is read, is taken
   * off the total here.
   */
  public Page search(PublicQuery query) {
    PublicSearchIndex.Result result = index.search(query, guard.withheldIds());
    List<VerifiedReply> items = guard.replies(result.ids());
    long total = Math.max(0, result.total() - (result.ids().size() - items.size()));
    return new Page(items, total, result.exact(), query);
  }

  public VerifiedReply reply(long id) {
    return guard.reply(id);
  }

  public Facets facets() {
    List<Integer> years = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    List<String> departments = new ArrayList<>();
    for (Map.Entry<String, Integer> e : index.facetCounts().entrySet()) {
      String key = e.getKey();
      if (key.startsWith("f:year:")) {
        years.add(Integer.valueOf(key.substring(7)));
      } else if (key.startsWith("f:sess:")) {
        sessions.add(key.substring(7));
      } else if (key.startsWith("f:dept:")) {
        departments.add(key.substring(7));
      }
    }
    years.sort(java.util.Comparator.reverseOrder());
    return new Facets(years, sessions, departments);
  }
}
