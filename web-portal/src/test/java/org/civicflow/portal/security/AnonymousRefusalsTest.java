package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.junit.jupiter.api.Test;

/**
 * Anonymous refusals are tallied per address and minute, written when the minute is over, and
 * bounded in memory and in length however many addresses and paths a flood uses.
 */
class AnonymousRefusalsTest {

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-12-01T10:15:20Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final MovingClock clock = new MovingClock();
  final List<AuditEvent> written = new ArrayList<>();
  final AnonymousRefusals refusals = new AnonymousRefusals(recording(), clock);

  private AuditLog recording() {
    AuditLog audit = mock(AuditLog.class);
    doAnswer(
            call -> {
              written.addAll(call.getArgument(0));
              return null;
            })
        .when(audit)
        .recordDeniedSummaries(anyList());
    return audit;
  }

  private static long count(AuditEvent e) {
    Matcher m = Pattern.compile("count=(\\d+)").matcher(e.detail());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void oneRecordPerAddressAndMinuteWrittenOnceTheMinuteIsOver() {
    for (int i = 0; i < 500; i++) {
      refusals.refused("203.0.113.5", "GET", "/api/v1/tasks", 401);
      refusals.refused("203.0.113.6", "POST", "/admin/users/" + i, 403);
    }
    refusals.writeFinishedMinutes();
    assertThat(written).as("the minute is not over").isEmpty();

    clock.now = Instant.parse("2026-12-01T10:16:01Z");
    refusals.refused("203.0.113.5", "GET", "/api/v1/me", 401);
    refusals.writeFinishedMinutes();
    assertThat(written)
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("anonymous");
              assertThat(e.action()).isEqualTo(AnonymousRefusals.ACTION);
              assertThat(e.objectType()).isEqualTo("address");
              assertThat(e.objectId()).isEqualTo(e.remoteAddress());
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-12-01T10:15:00Z"));
              assertThat(count(e)).isEqualTo(500);
            });
    AuditEvent forbidden =
        written.stream().filter(e -> e.objectId().equals("203.0.113.6")).findFirst().orElseThrow();
    assertThat(forbidden.detail())
        .contains("status401=0 status403=500", "POST /admin/users/0 403", "POST /admin/users/4 403")
        .doesNotContain("/admin/users/5 ");

    written.clear();
    assertThat(refusals.writeAll()).as("the current minute, at shutdown").isEqualTo(1);
    assertThat(written).singleElement().satisfies(e -> assertThat(count(e)).isEqualTo(1));
    assertThat(refusals.writeAll()).isZero();
  }

  @Test
  void aFloodFromManyAddressesSharesOneTallyBeyondTheBound() {
    int addresses = AnonymousRefusals.MAX_ADDRESSES + 700;
    for (int i = 0; i < addresses; i++) {
      refusals.refused("198.18." + (i / 256) + "." + (i % 256), "GET", "/x".repeat(2000), 401);
    }
    refusals.writeAll();
    assertThat(written).hasSize(AnonymousRefusals.MAX_ADDRESSES + 1);
    assertThat(written.stream().mapToLong(AnonymousRefusalsTest::count).sum()).isEqualTo(addresses);
    assertThat(written)
        .filteredOn(e -> e.objectId().equals(AnonymousRefusals.OTHERS))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(count(e)).isEqualTo(700);
              assertThat(e.remoteAddress()).isNull();
            });
    assertThat(written).allSatisfy(e -> assertThat(e.detail().length()).isLessThan(300));
  }
}
