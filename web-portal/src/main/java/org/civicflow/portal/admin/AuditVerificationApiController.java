package org.civicflow.portal.admin;

import java.security.Principal;
import java.time.Instant;
import org.civicflow.domain.audit.AuditVerification;
import org.civicflow.domain.audit.ChainBreak;
import org.civicflow.domain.audit.ChainVerdict;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/audit/verification}: verifies the audit log's chain now (after chaining
 * what is committed) and answers {@code {ok, checked, firstBroken}}; the result is stored with the
 * caller's name and shown on {@code /admin/integrity}. Admins only. A request made while a
 * verification runs on this node gets that verification's result.
 */
@RestController
class AuditVerificationApiController {

  /** Where the chain does not hold: {@code reason} is edited, deleted, inserted or unknownKey. */
  record BreakView(
      Long chainSeq, Long id, String reason, Instant occurredAt, String action, String keyId) {

    static BreakView of(ChainBreak b) {
      return b == null
          ? null
          : new BreakView(
              b.chainSeq(), b.id(), b.reason().code(), b.occurredAt(), b.action(), b.keyId());
    }
  }

  /** The contract's body. */
  record VerificationView(boolean ok, long checked, BreakView firstBroken) {}

  private final AuditVerification verification;

  AuditVerificationApiController(AuditVerification verification) {
    this.verification = verification;
  }

  @GetMapping("/api/v1/admin/audit/verification")
  VerificationView verify(Principal principal) {
    ChainVerdict v = verification.verifyNow(principal.getName());
    return new VerificationView(v.ok(), v.checked(), BreakView.of(v.firstBroken()));
  }
}
