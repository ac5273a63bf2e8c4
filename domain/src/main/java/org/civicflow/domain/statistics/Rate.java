package org.civicflow.domain.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate as its parts and its percentage.
 *
 * @param percent {@code numerator / denominator × 100} rounded half up to one decimal, or {@code
 *     null} when there is nothing to count (never a division by zero)
 */
public record Rate(long numerator, long denominator, BigDecimal percent) {

  /** The rate of {@code numerator} out of {@code denominator}. */
  public static Rate of(long numerator, long denominator) {
    if (numerator < 0 || denominator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(numerator + "/" + denominator);
    }
    BigDecimal percent =
        denominator == 0
            ? null
            : BigDecimal.valueOf(numerator * 1000L)
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
                .movePointLeft(1);
    return new Rate(numerator, denominator, percent);
  }

  /** Whether there was anything to count. */
  public boolean known() {
    return percent != null;
  }
}
