package org.civicflow.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quality of the similarity, measured on the labelled set ({@code
 * search/labelled-proposals.tsv}, made by {@code bench/labelled/generate.py}): every base proposal
 * and every neighbour is indexed; each reworded near-duplicate asks for its most similar proposals,
 * and the base it was written from is the one right answer. Reports precision at 1 (the base
 * first), at 5 (the share of the first five that is right: at most 1/5 with one right answer) and
 * the base among the first five.
 */
class LabelledSetTest {

  record Entry(long id, int group, String role, String title, String content) {}

  static List<Entry> entries() throws IOException {
    List<Entry> out = new ArrayList<>();
    try (InputStream in =
        LabelledSetTest.class.getResourceAsStream("/search/labelled-proposals.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].split("\t");
        out.add(new Entry(Long.parseLong(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4]));
      }
    }
    return out;
  }

  @Test
  void theNearDuplicateIsFoundFirst() throws Exception {
    List<Entry> entries = entries();
    assertThat(entries).hasSizeGreaterThanOrEqualTo(200);
    FakeSource source = new FakeSource();
    Map<Integer, Long> baseOf = new HashMap<>();
    for (Entry e : entries) {
      if (!e.role().equals("reworded")) {
        source.proposal(e.id(), "市九届人大一次会议", e.title(), e.content());
      }
      if (e.role().equals("base")) {
        baseOf.put(e.group(), e.id());
      }
    }
    LocalSearchIndex index = new LocalSearchIndex(source, Clock.systemUTC(), "", 60_000);
    try {
      index.rebuild();
      SimilarItems similar = new SimilarItems(index, source);
      int queries = 0;
      int first = 0;
      int inFive = 0;
      double reciprocal = 0;
      List<String> misses = new ArrayList<>();
      for (Entry e : entries) {
        if (!e.role().equals("reworded")) {
          continue;
        }
        queries++;
        List<Long> found =
            similar.proposalsLike(new SimilarItems.Text(e.title(), e.content()), 5).stream()
                .map(SimilarItems.Hit::id)
                .toList();
        int rank = found.indexOf(baseOf.get(e.group()));
        if (rank == 0) {
          first++;
        } else {
          misses.add(e.title() + " → " + found);
        }
        if (rank >= 0) {
          inFive++;
          reciprocal += 1.0 / (rank + 1);
        }
      }
      double p1 = (double) first / queries;
      double p5 = (double) inFive / (queries * 5.0);
      double hit5 = (double) inFive / queries;
      System.out.printf(
          "labelled set: %d proposals, %d queries; precision@1 %.3f, precision@5 %.3f"
              + " (the base among the first five: %.3f), MRR %.3f%n",
          entries.size(), queries, p1, p5, hit5, reciprocal / queries);
      misses.forEach(m -> System.out.println("  not first: " + m));
      assertThat(p1).isGreaterThanOrEqualTo(0.9);
    } finally {
      index.destroy();
    }
  }
}
