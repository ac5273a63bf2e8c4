package org.civicflow.domain.audit;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civicflow.domain.integrity.SealedRecords;
import org.springframework.stereotype.Component;

/**
 * The keys the audit chain uses — its links, the entry seals of records not yet chained, and the
 * anchor's seal — so that a node lacking one of them reports itself not ready at start-up and on
 * each key check, and {@code /admin/integrity} lists the audit links by key.
 */
@Component
class AuditChainSeals implements SealedRecords {

  private final AuditChainMapper chain;

  AuditChainSeals(AuditChainMapper chain) {
    this.chain = chain;
  }

  @Override
  public String describe() {
    return "audit log chain (its links)";
  }

  @Override
  public Set<String> keyIdsInUse() {
    Set<String> ids = new TreeSet<>(chain.linkKeyIds());
    ids.addAll(chain.unchainedEntryKeyIds());
    String anchorKey = chain.readAnchor().sealKeyId();
    if (anchorKey != null) {
      ids.add(anchorKey);
    }
    return ids;
  }

  /** Links by key (the anchor's one seal is not counted). */
  @Override
  public Map<String, Long> sealsByKey() {
    Map<String, Long> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    for (AuditChainMapper.KeyLinks row : chain.linksByKey()) {
      counts.merge(row.keyId(), row.links(), Long::sum);
    }
    return counts;
  }
}
