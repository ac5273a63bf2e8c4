package org.civicflow.domain.summary;

import java.math.BigDecimal;
import org.civicflow.domain.statistics.Rate;

/**
 * A count and its share of the whole.
 *
 * @param percent {@code count / whole × 100}, one decimal, {@code null} when the whole is zero
 */
public record Share(String key, long count, BigDecimal percent) {

  static Share of(String key, long count, long whole) {
    return new Share(key, count, Rate.of(Math.min(count, whole), whole).percent());
  }
}
