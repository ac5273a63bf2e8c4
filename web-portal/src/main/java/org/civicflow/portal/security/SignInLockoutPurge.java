package org.civicflow.portal.security;

import org.civicflow.domain.identity.AddressLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sign-in lockout state that no rule looks at any more (hourly on every node; the deletes
 * are idempotent), so that attempts with made-up names and addresses do not pile up.
 */
@Component
class SignInLockoutPurge {

  private static final Logger LOG = LoggerFactory.getLogger(SignInLockoutPurge.class);

  private final AddressLocks lockouts;

  SignInLockoutPurge(AddressLocks lockouts) {
    this.lockouts = lockouts;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  void purge() {
    try {
      int deleted = lockouts.purge();
      if (deleted > 0) {
        LOG.info("Sign-in lockouts: deleted {} stale rows", deleted);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not purge stale sign-in lockout rows", e);
    }
  }
}
