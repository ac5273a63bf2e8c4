package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.junit.jupiter.api.Test;

/** A request made while a verification runs on the node gets that run's result. */
class AuditVerificationTest {

  @Test
  void aSecondRequestWaitsForTheRunningVerification() throws Exception {
    AuditChainer chainer = mock(AuditChainer.class);
    AuditChainVerifier verifier = mock(AuditChainVerifier.class);
    AuditVerificationMapper results = mock(AuditVerificationMapper.class);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ChainVerdict verdict = new ChainVerdict(true, 42, null);
    when(results.start(any()))
        .thenAnswer(
            call -> {
              call.<AuditVerificationMapper.Started>getArgument(0).setId(1L);
              return 1;
            });
    when(verifier.verify())
        .thenAnswer(
            call -> {
              started.countDown();
              assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
              return verdict;
            });
    AuditVerification verification =
        new AuditVerification(
            chainer, verifier, results, mock(UnknownSealKeys.class), Clock.systemUTC());

    CompletableFuture<ChainVerdict> first =
        CompletableFuture.supplyAsync(() -> verification.verifyNow("admin"));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicReference<ChainVerdict> second = new AtomicReference<>();
    Thread other = new Thread(() -> second.set(verification.verifyNow("other.admin")));
    other.start();
    // waiting for the first run's result (a run of its own would wait timed, in the verifier)
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (other.getState() != Thread.State.WAITING && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(other.getState()).isEqualTo(Thread.State.WAITING);
    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(verdict);
    other.join(10_000);
    assertThat(second.get()).isSameAs(verdict);
    verify(verifier, times(1)).verify();
    verify(results, times(1)).start(any());

    // and the next request runs a verification of its own
    verification.verifyNow("admin");
    verify(verifier, times(2)).verify();
  }
}
