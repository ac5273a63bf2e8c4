package org.civicflow.portal.readiness;

import org.civicflow.domain.integrity.UnknownSealKeys;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of {@code /actuator/health/readiness}: DOWN while this node has met seals of keys it does
 * not hold. The reason is in the log and on {@code /admin/integrity}, not in the public probe.
 */
@Component
class SealKeysHealthIndicator implements HealthIndicator {

  private final UnknownSealKeys unknownKeys;

  SealKeysHealthIndicator(UnknownSealKeys unknownKeys) {
    this.unknownKeys = unknownKeys;
  }

  @Override
  public Health health() {
    return unknownKeys.any() ? Health.down().build() : Health.up().build();
  }
}
