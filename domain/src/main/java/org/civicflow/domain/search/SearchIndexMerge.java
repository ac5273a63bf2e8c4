package org.civicflow.domain.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the replies published since the last merge into the search bitmaps: each key's bitmap is
 * rewritten once for all the pending replies that carry it, instead of once per reply at
 * publication. Searches read the pending rows meanwhile, so nothing is missed before a merge.
 *
 * <p>Safe on several nodes at once: a merge locks the pending rows it takes (oldest first) and then
 * the key rows (in key order), and deletes the pending rows in the same transaction; a second merge
 * waits for the first and finds those rows gone.
 */
@Service
public class SearchIndexMerge {

  /** Pending replies merged per transaction. */
  static final int BATCH = 200;

  private final SearchIndexMapper index;
  private final TransactionTemplate transactions;

  SearchIndexMerge(SearchIndexMapper index, PlatformTransactionManager transactionManager) {
    this.index = index;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Merges every pending reply; returns how many were merged. */
  public int mergePending() {
    int merged = 0;
    while (true) {
      Integer batch = transactions.execute(status -> mergeBatch());
      if (batch == null || batch == 0) {
        return merged;
      }
      merged += batch;
    }
  }

  private int mergeBatch() {
    List<SearchIndexMapper.PendingRow> rows = index.lockPending(BATCH);
    if (rows.isEmpty()) {
      return 0;
    }
    Map<String, RoaringBitmap> docsByKey = new HashMap<>();
    for (SearchIndexMapper.PendingRow row : rows) {
      for (String key : SearchIndexBitmaps.decode(row.keys())) {
        docsByKey.computeIfAbsent(key, k -> new RoaringBitmap()).add((int) row.docSeq());
      }
    }
    SearchIndexBitmaps.apply(index, docsByKey, true);
    index.deletePending(rows.stream().map(SearchIndexMapper.PendingRow::docSeq).toList());
    return rows.size();
  }
}
