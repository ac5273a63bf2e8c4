package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The verified form of a reply is served from memory only for the re-check interval: after it, the
 * record is read and checked again, so what another node or a direct database edit changed is seen
 * within that bound. Time is a fake ticker, not waited for.
 */
class IntegrityGuardTest {

  private static final long ID = 7;

  private final PublicationMapper publications = mock(PublicationMapper.class);
  private final IntegrityFailureMapper failures = mock(IntegrityFailureMapper.class);
  private final AuditLog audit = mock(AuditLog.class);
  private final AtomicLong nanos = new AtomicLong();
  private final PublicationSeals seals = PublicationFixtures.seals(PublicationFixtures.KEYS);
  private UnknownSealKeys unknownKeys;
  private ReadCounter reads;
  private IntegrityGuard guard;

  @BeforeEach
  void setUp() {
    reads = new ReadCounter(publications);
    unknownKeys =
        new UnknownSealKeys(PublicationFixtures.KEYS, List.of(), Clock.systemUTC(), event -> {});
    guard =
        new IntegrityGuard(
            publications,
            failures,
            seals,
            unknownKeys,
            audit,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            reads,
            Duration.ofSeconds(5),
            nanos::get);
    when(failures.openPublicationIds()).thenReturn(List.of());
  }

  private Publication published(long readCount) {
    return published(seals, readCount);
  }

  private static Publication published(PublicationSeals by, long readCount) {
    Publication p =
        PublicationFixtures.sealed(
            by, ID, PublicationFixtures.signed(1, "scjg", 1, "市场监督管理局", "金淼代表:", "金淼代表:"));
    p.publish(Instant.parse("2022-06-02T02:00:00Z"), ZoneOffset.UTC);
    by.sealState(p, "system");
    ReflectionTestUtils.setField(p, "readCount", readCount);
    return p;
  }

  private void stored(Publication p) {
    when(publications.findById(ID)).thenReturn(Optional.of(p));
  }

  private void later(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void theVerifiedFormIsServedFromMemoryWithinTheInterval() {
    stored(published(3));
    VerifiedReply first = guard.reply(ID);
    later(Duration.ofSeconds(4));
    assertThat(guard.reply(ID)).isSameAs(first);
    verify(publications, times(1)).findById(ID);
  }

  @Test
  void aWithdrawalMadeOnAnotherNodeIsSeenAfterTheInterval() {
    Publication p = published(3);
    stored(p);
    assertThat(guard.reply(ID).withdrawn()).isFalse();
    Publication withdrawn = published(3);
    withdrawn.withdraw("registrar", "内容需更正", Instant.parse("2026-01-01T00:00:00Z"));
    seals.sealState(withdrawn, "registrar");
    stored(withdrawn);
    later(Duration.ofSeconds(5));
    assertThat(guard.reply(ID).withdrawn()).isTrue();
    verify(publications, times(2)).findById(ID);
  }

  @Test
  void aRecordChangedBehindCivicFlowsBackIsWithheldAtTheNextRead() {
    stored(published(3));
    guard.reply(ID);
    Publication tampered = published(3);
    ReflectionTestUtils.setField(tampered, "title", "某市博彩娱乐平台官网");
    stored(tampered);
    later(Duration.ofSeconds(6));
    assertThatThrownBy(() -> guard.reply(ID)).isInstanceOf(ReplyWithheldException.class);
    verify(failures).insert(eq(ID), any(), anyString());
    verify(audit)
        .recordDenied(
            eq("system"),
            eq("publication.tamperDetected"),
            eq("publication"),
            eq("7"),
            anyString());
  }

  @Test
  void aReplySealedWithAKeyThisNodeDoesNotHoldIsNeitherServedNorCalledTampered() {
    PublicationSeals otherCluster =
        PublicationFixtures.seals(
            new org.civicflow.domain.integrity.SealKeys(
                "another-key-another-key-another-k".getBytes(), List.of()));
    stored(published(otherCluster, 3));
    assertThatThrownBy(() -> guard.reply(ID)).isInstanceOf(ReplyWithheldException.class);
    assertThat(unknownKeys.any()).as("the node is not ready").isTrue();
    verify(failures, never()).insert(anyLong(), any(), anyString());
    verify(audit, never()).recordDenied(any(), any(), any(), any(), any());
    assertThat(guard.sweep()).as("the sweep does not call it tampered either").isZero();
    verify(failures, never()).insert(anyLong(), any(), anyString());
  }

  @Test
  void readsCountedOnOtherNodesAppearAfterTheIntervalAndOursAreNotCountedTwice() {
    stored(published(10));
    VerifiedReply reply = guard.reply(ID);
    reads.viewed(ID, "visitor-a");
    reads.flush(); // written: the stored count is now 11
    reads.viewed(ID, "visitor-b"); // not yet written
    assertThat(reads.count(guard.reply(ID))).isEqualTo(12);
    stored(published(11 + 5)); // five views written by another node
    later(Duration.ofSeconds(5));
    VerifiedReply again = guard.reply(ID);
    assertThat(again).isNotSameAs(reply);
    assertThat(reads.count(again)).isEqualTo(17);
  }
}
