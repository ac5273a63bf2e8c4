package org.civicflow.domain.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

/**
 * Views counted in memory reach the database: in batches, after a failed write, and at shutdown.
 */
class ReadCounterTest {

  private final PublicationMapper publications = mock(PublicationMapper.class);
  private final ReadCounter reads = new ReadCounter(publications);

  @Test
  void aVisitorCountsOncePerWindowAndViewsAreWrittenInOneUpdate() {
    reads.viewed(1, "a");
    reads.viewed(1, "a");
    reads.viewed(1, "b");
    assertThat(reads.flush()).isEqualTo(2);
    verify(publications).addReads(1, 2);
    assertThat(reads.flush()).isZero();
  }

  @Test
  void viewsWhoseWriteFailedAreWrittenByTheNextFlush() {
    reads.viewed(1, "a");
    when(publications.addReads(anyLong(), anyLong()))
        .thenThrow(new org.springframework.dao.TransientDataAccessResourceException("down"))
        .thenReturn(1);
    assertThatThrownBy(reads::flush).isInstanceOf(RuntimeException.class);
    reads.viewed(1, "b");
    assertThat(reads.flush()).isEqualTo(2);
    verify(publications, org.mockito.Mockito.times(2)).addReads(eq(1L), anyLong());
  }

  @Test
  void countedViewsAreWrittenWhenTheApplicationStops() {
    reads.viewed(3, "a");
    reads.flushOnShutdown();
    verify(publications).addReads(3, 1);
  }
}
