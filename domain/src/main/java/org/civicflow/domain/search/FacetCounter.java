package org.civicflow.domain.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts the matches per value of keyword fields (department, year, category). */
final class FacetCounter extends SimpleCollector {

  private final List<String> fields;
  private final Map<String, Map<String, Integer>> counts = new HashMap<>();
  private SortedDocValues[] values;
  private int[][] ordCounts;

  FacetCounter(List<String> fields) {
    this.fields = fields;
    fields.forEach(f -> counts.put(f, new TreeMap<>()));
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    flush();
    values = new SortedDocValues[fields.size()];
    ordCounts = new int[fields.size()][];
    for (int i = 0; i < fields.size(); i++) {
      values[i] = DocValues.getSorted(context.reader(), fields.get(i));
      ordCounts[i] = new int[values[i].getValueCount()];
    }
  }

  @Override
  public void collect(int doc) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (values[i].advanceExact(doc)) {
        ordCounts[i][values[i].ordValue()]++;
      }
    }
  }

  private void flush() throws IOException {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      for (int ord = 0; ord < ordCounts[i].length; ord++) {
        if (ordCounts[i][ord] > 0) {
          counts
              .get(fields.get(i))
              .merge(values[i].lookupOrd(ord).utf8ToString(), ordCounts[i][ord], Integer::sum);
        }
      }
    }
    values = null;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /** Field → value → count. */
  Map<String, Map<String, Integer>> counts() throws IOException {
    flush();
    return counts;
  }

  static CollectorManager<FacetCounter, Map<String, Map<String, Integer>>> manager(
      List<String> fields) {
    return new CollectorManager<>() {
      @Override
      public FacetCounter newCollector() {
        return new FacetCounter(fields);
      }

      @Override
      public Map<String, Map<String, Integer>> reduce(Collection<FacetCounter> collectors)
          throws IOException {
        Map<String, Map<String, Integer>> all = new HashMap<>();
        fields.forEach(f -> all.put(f, new TreeMap<>()));
        for (FacetCounter c : collectors) {
          c.counts().forEach((f, m) -> m.forEach((v, n) -> all.get(f).merge(v, n, Integer::sum)));
        }
        return all;
      }
    };
  }
}
