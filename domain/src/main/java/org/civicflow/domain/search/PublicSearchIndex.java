package org.civicflow.domain.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public search index. Each published reply has a sequence number in publication order; each
 * search key — a token of the body ({@code b}), of the title ({@code t}), or a filter value ({@code
 * f:}) — has a compressed bitmap of the numbers that carry it. A search or a filtered list is a few
 * primary-key reads and bitmap intersections, however many replies there are; counts are
 * cardinalities; newest first is descending numbers. Publishing and withdrawing update the index in
 * the same transaction: publishing by one pending row that searches read until {@link
 * SearchIndexMerge} folds it into the bitmaps.
 */
@Service
public class PublicSearchIndex {

  /** Phrase candidates confirmed against the texts at most per search. */
  static final int MAX_CONFIRMED = 2000;

  /** Phrase candidates confirmed per database round trip. */
  static final int CONFIRM_BATCH = 60;

  private final SearchIndexMapper index;
  private final PublicReplyMapper replies;

  PublicSearchIndex(SearchIndexMapper index, PublicReplyMapper replies) {
    this.index = index;
    this.replies = replies;
  }

  /** The result of a search: publication ids in order, the total, whether the total is exact. */
  public record Result(List<Long> ids, long total, boolean exact) {}

  /**
   * Adds a published reply to the index. Idempotent. The reply's keys go to one pending row; every
   * search reads the pending rows beside the bitmaps, so the reply is found as soon as this
   * transaction commits, and {@link SearchIndexMerge} folds them into the bitmaps in bulk later —
   * instead of rewriting the bitmap of each of the reply's hundred-odd keys here.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void add(PublicSearchEntry reply) {
    if (index.findDocSeq(reply.publicationId()).isPresent()) {
      return;
    }
    SearchIndexMapper.Doc doc = new SearchIndexMapper.Doc(reply.publicationId());
    index.insertDoc(doc);
    index.insertPending(doc.getDocSeq(), SearchIndexBitmaps.encode(reply.keys()));
  }

  /** Takes a reply out of the index (withdrawn from the public site). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void remove(PublicSearchEntry reply) {
    index
        .findDocSeq(reply.publicationId())
        .ifPresent(
            seq -> {
              // not merged yet: dropping the pending row is enough. A merge under way holds the
              // row until it commits; the delete then finds nothing and the bitmaps (locked, read
              // as committed) are changed instead.
              if (index.deletePending(List.of(seq)) == 0) {
                change(reply.keys(), seq.intValue(), false);
              }
            });
  }

  private void change(Set<String> keys, int docSeq, boolean add) {
    Map<String, RoaringBitmap> docs = new HashMap<>();
    for (String key : keys) {
      docs.put(key, RoaringBitmap.bitmapOf(docSeq));
    }
    SearchIndexBitmaps.apply(index, docs, add);
  }

  /** The replies published since the last merge: sequence number → keys. */
  private Map<Integer, Set<String>> pending() {
    Map<Integer, Set<String>> pending = new HashMap<>();
    for (SearchIndexMapper.PendingRow row : index.findPending()) {
      pending.put((int) row.docSeq(), SearchIndexBitmaps.decode(row.keys()));
    }
    return pending;
  }

  /** One page of matching published replies: title matches first, then newest first. */
  @Transactional(readOnly = true)
  public Result search(PublicQuery q) {
    return search(q, Set.of());
  }

  /**
   * One page of matching published replies, leaving out some publications (the withheld ones): they
   * are neither on a page nor in the total.
   */
  @Transactional(readOnly = true)
  public Result search(PublicQuery q, Set<Long> leftOut) {
    List<String> required =
        new ArrayList<>(
            PublicSearchEntry.facets(q.session(), q.department(), q.year(), q.category()));
    required.add("f:all");
    q.tokens().forEach(t -> required.add("b" + t));
    List<String> titleKeys = q.tokens().stream().map(t -> "t" + t).toList();
    List<String> all = new ArrayList<>(required);
    all.addAll(titleKeys);
    // pending rows first: a merge committing between the two reads then leaves a reply in both
    // (harmless), never in neither
    Map<Integer, Set<String>> pending = pending();
    Map<String, RoaringBitmap> bitmaps = new HashMap<>();
    for (SearchIndexMapper.KeyRow row : index.findKeys(all.stream().distinct().toList())) {
      bitmaps.put(row.key(), SearchIndexBitmaps.read(row.docs()));
    }
    pending.forEach(
        (seq, keys) -> {
          for (String key : all) {
            if (keys.contains(key)) {
              bitmaps.computeIfAbsent(key, k -> new RoaringBitmap()).add(seq);
            }
          }
        });
    if (!bitmaps.keySet().containsAll(required)) {
      return new Result(List.of(), 0, true);
    }
    RoaringBitmap matches =
        RoaringBitmap.andNot(
            FastAggregation.and(required.stream().map(bitmaps::get).toArray(RoaringBitmap[]::new)),
            docSeqs(leftOut));
    RoaringBitmap inTitle = new RoaringBitmap();
    if (!titleKeys.isEmpty() && bitmaps.keySet().containsAll(titleKeys)) {
      inTitle =
          FastAggregation.and(titleKeys.stream().map(bitmaps::get).toArray(RoaringBitmap[]::new));
      inTitle.and(matches);
    }
    RoaringBitmap rest = RoaringBitmap.andNot(matches, inTitle);
    List<String> phrases = q.phrases();
    int wanted = (int) Math.min(Integer.MAX_VALUE, q.offset() + q.size());
    List<Integer> ordered = new ArrayList<>();
    long total;
    boolean exact = true;
    if (phrases.isEmpty()) {
      // every token is itself the text searched for: no confirmation, take only what the page needs
      for (RoaringBitmap group : List.of(inTitle, rest)) {
        IntIterator it = group.getReverseIntIterator();
        while (it.hasNext() && ordered.size() < wanted) {
          ordered.add(it.next());
        }
      }
      total = matches.getCardinality();
    } else {
      // longer phrases: the bigrams may stand apart, so candidates are checked against the texts,
      // newest first, until the page is full; the rest of the total is estimated from the hit rate
      int examined = 0;
      for (RoaringBitmap group : List.of(inTitle, rest)) {
        IntIterator it = group.getReverseIntIterator();
        List<Integer> batch = new ArrayList<>();
        while (it.hasNext() && ordered.size() < wanted && examined < MAX_CONFIRMED) {
          batch.add(it.next());
          if (batch.size() == CONFIRM_BATCH) {
            ordered.addAll(confirm(batch, phrases));
            examined += batch.size();
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          ordered.addAll(confirm(batch, phrases));
          examined += batch.size();
        }
      }
      long candidates = matches.getCardinality();
      if (examined >= candidates) {
        total = ordered.size();
      } else {
        exact = false;
        double hitRate = examined == 0 ? 1.0 : (double) ordered.size() / examined;
        total = Math.max(ordered.size(), Math.round(candidates * hitRate));
      }
    }
    List<Integer> page =
        ordered.subList(
            (int) Math.min(q.offset(), ordered.size()), Math.min(wanted, ordered.size()));
    return new Result(publicationIds(page), total, exact);
  }

  /** The sequence numbers of publications, those that are in the index. */
  private RoaringBitmap docSeqs(Set<Long> publicationIds) {
    RoaringBitmap seqs = new RoaringBitmap();
    List<Long> ids = List.copyOf(publicationIds);
    for (int i = 0; i < ids.size(); i += 500) {
      index
          .findDocSeqs(ids.subList(i, Math.min(ids.size(), i + 500)))
          .forEach(s -> seqs.add(s.intValue()));
    }
    return seqs;
  }

  /** The sequence numbers whose reply really contains every phrase (the bigrams may be apart). */
  private List<Integer> confirm(List<Integer> docSeqs, List<String> phrases) {
    Map<Long, Integer> seqOf = new HashMap<>();
    for (SearchIndexMapper.Doc d :
        index.findDocs(docSeqs.stream().map(Integer::longValue).toList())) {
      seqOf.put(d.getPublicationId(), d.getDocSeq().intValue());
    }
    if (seqOf.isEmpty()) {
      return List.of();
    }
    Set<Integer> confirmed = new java.util.HashSet<>();
    for (long id :
        replies.containingAll(
            List.copyOf(seqOf.keySet()), phrases.stream().map(PublicSearchIndex::like).toList())) {
      confirmed.add(seqOf.get(id));
    }
    return docSeqs.stream().filter(confirmed::contains).toList();
  }

  private List<Long> publicationIds(List<Integer> docSeqs) {
    if (docSeqs.isEmpty()) {
      return List.of();
    }
    Map<Long, Long> bySeq = new HashMap<>();
    for (SearchIndexMapper.Doc d :
        index.findDocs(docSeqs.stream().map(Integer::longValue).toList())) {
      bySeq.put(d.getDocSeq(), d.getPublicationId());
    }
    return docSeqs.stream()
        .map(s -> bySeq.get(s.longValue()))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** The filter values that have published replies, with their counts. */
  @Transactional(readOnly = true)
  public Map<String, Integer> facetCounts() {
    Map<Integer, Set<String>> pending = pending();
    Map<String, RoaringBitmap> facets = new java.util.LinkedHashMap<>();
    for (SearchIndexMapper.KeyRow row : index.facetKeys()) {
      facets.put(row.key(), SearchIndexBitmaps.read(row.docs()));
    }
    pending.forEach(
        (seq, keys) ->
            keys.stream()
                .filter(k -> k.startsWith("f:"))
                .forEach(k -> facets.computeIfAbsent(k, x -> new RoaringBitmap()).add(seq)));
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    facets.forEach(
        (key, docs) -> {
          if (!docs.isEmpty()) {
            counts.put(key, docs.getCardinality());
          }
        });
    return counts;
  }

  static String like(String phrase) {
    return "%" + phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
