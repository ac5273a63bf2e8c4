package org.civicflow.domain.common;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A map that lives as long as the current transaction: what a repository read once in a
 * transaction, handed out again instead of read again (an identity map). It belongs to the
 * transaction's synchronizations, which Spring suspends with the transaction, so a transaction
 * begun inside another (REQUIRES_NEW) starts with its own, empty map; it is dropped when the
 * transaction ends, committed or rolled back. Outside a transaction there is none.
 *
 * @param <K> the key (an entity's id)
 * @param <V> the value (the entity, as read and since changed in this transaction)
 */
public final class TransactionScoped<K, V> {

  /** The map of one transaction, found among its synchronizations by its owner. */
  private static final class Holder implements TransactionSynchronization {
    private final TransactionScoped<?, ?> owner;
    private final Map<Object, Object> values = new HashMap<>();

    Holder(TransactionScoped<?, ?> owner) {
      this.owner = owner;
    }
  }

  /** The current transaction's map, or {@code null} when no transaction is active. */
  @SuppressWarnings("unchecked")
  public Map<K, V> map() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Holder h && h.owner == this) {
        return (Map<K, V>) h.values;
      }
    }
    Holder holder = new Holder(this);
    TransactionSynchronizationManager.registerSynchronization(holder);
    return (Map<K, V>) holder.values;
  }
}
