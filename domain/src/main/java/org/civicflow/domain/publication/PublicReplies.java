package org.civicflow.domain.publication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The public site's replies: searched and paged in the database, always rendered from their
 * verified form ({@link IntegrityGuard}).
 */
@Service
public class PublicReplies {

  private final PublicReplyMapper mapper;
  private final IntegrityGuard guard;
  private final Cache<String, Facets> facets =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1).build();

  PublicReplies(PublicReplyMapper mapper, IntegrityGuard guard) {
    this.mapper = mapper;
    this.guard = guard;
  }

  /** One page of published replies and the number of all that match. */
  public record Page(List<VerifiedReply> items, long total, PublicQuery query) {

    public long pages() {
      return (total + query.size() - 1) / query.size();
    }
  }

  /** What the filters offer: the years, sessions and departments that have published replies. */
  public record Facets(List<Integer> years, List<String> sessions, List<String> departments) {}

  public Page search(PublicQuery query) {
    List<Long> ids = mapper.search(query);
    long total = ids.size() < query.size() && query.page() == 0 ? ids.size() : mapper.count(query);
    return new Page(guard.replies(ids), total, query);
  }

  public VerifiedReply reply(long id) {
    return guard.reply(id);
  }

  public Facets facets() {
    return facets.get("all", k -> new Facets(mapper.years(), mapper.sessions(), mapper.departments()));
  }
}
