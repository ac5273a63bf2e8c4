package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicflow.domain.audit.ChainBreak.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Each verification chains first, is stored with who asked; a finding is logged at ERROR once; the
 * daily verification runs once a day in the cluster.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditVerificationDatabaseTest extends AuditChainTestBase {

  @Autowired AuditVerification verification;

  @Test
  void chainsThenVerifiesAndStoresWhoAskedAndWhatWasFound() {
    record("a");
    long b = record("b");
    record("c");
    assertThat(verification.latest()).isEmpty();

    assertThat(verification.verifyNow("admin")).isEqualTo(new ChainVerdict(true, 3, null));
    assertThat(verification.latest())
        .get()
        .satisfies(
            r -> {
              assertThat(r.ok()).isTrue();
              assertThat(r.checked()).isEqualTo(3);
              assertThat(r.requestedBy()).isEqualTo("admin");
              assertThat(r.startedAt()).isEqualTo(NOW);
              assertThat(r.finishedAt()).isEqualTo(NOW);
              assertThat(r.firstBroken()).isNull();
            });

    jdbc.update("UPDATE cf_audit_event SET detail = 'x' WHERE id = ?", b);
    ChainVerdict broken = verification.verifyNow("admin");
    assertThat(broken.ok()).isFalse();
    assertThat(verification.latest().orElseThrow().firstBroken())
        .isEqualTo(broken.firstBroken())
        .isEqualTo(new ChainBreak(2L, b, Reason.EDITED, NOW, "b", null));
  }

  @Test
  void aFindingIsLoggedAsAnErrorOnce(CapturedOutput output) {
    long a = record("a");
    long b = record("b");
    verification.verifyNow("admin");
    jdbc.update("UPDATE cf_audit_event SET detail = 'x' WHERE id = ?", b);

    verification.verifyNow("admin");
    verification.verifyNow(null);
    assertThat(output.getAll().split("AUDIT CHAIN BROKEN", -1)).hasSize(2);
    assertThat(output.getAll())
        .contains("AUDIT CHAIN BROKEN: record " + b + " at chain place 2 was edited (b at ");

    jdbc.update("UPDATE cf_audit_event SET detail = 'y' WHERE id = ?", a);
    verification.verifyNow("admin");
    assertThat(output.getAll().split("AUDIT CHAIN BROKEN", -1)).hasSize(3);
  }

  @Test
  void theDailyVerificationRunsOnceADay() {
    record("a");
    verification.verifyDaily();
    verification.verifyDaily(); // the other node, the same day
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM cf_audit_verification WHERE scheduled_on IS NOT NULL",
                Integer.class))
        .isEqualTo(1);
    assertThat(verification.latest())
        .get()
        .satisfies(
            r -> {
              assertThat(r.requestedBy()).isNull();
              assertThat(r.scheduledOn()).isEqualTo(java.time.LocalDate.of(2026, 6, 1));
              assertThat(r.ok()).isTrue();
              assertThat(r.checked()).isEqualTo(1);
            });
  }
}
