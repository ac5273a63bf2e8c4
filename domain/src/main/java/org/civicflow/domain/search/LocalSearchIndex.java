package org.civicflow.domain.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's search index: a Lucene index in a directory of its own (never shared with another
 * node), built from the database at start and kept current by polling the change feed ({@code
 * cf_search_feed}) every second, and at once after a change committed on this node.
 *
 * <p>Feed rows are numbered by the database in insertion order, but a row may commit after a higher
 * one (two transactions): a number skipped is remembered and asked for again for a minute, so a
 * late commit is still applied; a number that never comes was a rolled-back insert.
 */
@Component
public class LocalSearchIndex implements SmartInitializingSingleton, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LocalSearchIndex.class);
  static final int BATCH = 500;
  static final long GAP_PATIENCE_MILLIS = 60_000;

  private final SearchSourceMapper source;
  private final Clock clock;
  private final long pollMillis;
  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ScheduledExecutorService poller;
  private final Map<Long, Long> missing = new HashMap<>();
  private final long staleMillis;
  private long watermark;
  private long lastFeedRead;
  private volatile long rebuildMillis = -1;
  private volatile int rebuildDocs;

  LocalSearchIndex(
      SearchSourceMapper source,
      Clock clock,
      @Value("${civicflow.search.dir:}") String baseDir,
      @Value("${civicflow.search.poll-millis:1000}") long pollMillis)
      throws IOException {
    this(source, clock, baseDir, pollMillis, Duration.ofHours(24));
  }

  /**
   * @param feedRetention how long the feed's rows are kept ({@link SearchFeedPruning}): a node that
   *     has not read the feed for half of it builds its index anew instead of catching up
   */
  @Autowired
  LocalSearchIndex(
      SearchSourceMapper source,
      Clock clock,
      @Value("${civicflow.search.dir:}") String baseDir,
      @Value("${civicflow.search.poll-millis:1000}") long pollMillis,
      @Value("${civicflow.search.feed-retention:PT24H}") Duration feedRetention)
      throws IOException {
    this.staleMillis = feedRetention.toMillis() / 2;
    this.source = source;
    this.clock = clock;
    this.pollMillis = pollMillis;
    this.dir =
        baseDir == null || baseDir.isBlank()
            ? Files.createTempDirectory("civicflow-search-")
            : Files.createTempDirectory(Files.createDirectories(Path.of(baseDir)), "index-");
    this.directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(32);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "search-feed");
              t.setDaemon(true);
              return t;
            });
  }

  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(
        new SearchAnalyzer(false), Map.of(SearchDocuments.UNIGRAMS, new SearchAnalyzer(true)));
  }

  @Override
  public void afterSingletonsInstantiated() {
    rebuild();
    poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      log.warn("search index: the change feed could not be read; trying again", e);
    }
  }

  /** Builds the index anew from the database; returns the number of documents. */
  public synchronized int rebuild() {
    long started = System.nanoTime();
    try {
      writer.deleteAll();
      missing.clear();
      Long max = source.maxFeedSeq();
      // changes committed while this reads are in the feed after this number: applied next poll
      watermark = max == null ? 0 : max;
      lastFeedRead = System.currentTimeMillis();
      int docs = 0;
      long after = 0;
      for (List<SearchSourceMapper.ReplyRow> batch = source.repliesAfter(after, BATCH);
          !batch.isEmpty();
          batch = source.repliesAfter(after, BATCH)) {
        for (SearchSourceMapper.ReplyRow r : batch) {
          writer.addDocument(SearchDocuments.reply(r, clock.getZone()));
          after = r.id();
          docs++;
        }
      }
      after = 0;
      for (List<SearchSourceMapper.ProposalRow> batch = source.proposalsAfter(after, BATCH);
          !batch.isEmpty();
          batch = source.proposalsAfter(after, BATCH)) {
        for (SearchSourceMapper.ProposalRow p : batch) {
          writer.addDocument(SearchDocuments.proposal(p));
          after = p.id();
          docs++;
        }
      }
      searchers.maybeRefreshBlocking();
      rebuildDocs = docs;
      rebuildMillis = (System.nanoTime() - started) / 1_000_000;
      log.info("search index: {} documents built from the database in {} ms", docs, rebuildMillis);
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Applies the feed now on the poller's thread (outside any transaction of the caller) and waits
   * for it a little: a change committed on this node is then found by the next request here.
   */
  public void catchUpNow() {
    try {
      poller.submit(this::poll).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.debug("search index: catching up after a change is late; the poller goes on", e);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Applies the changes of the feed not yet applied; returns how many feed rows it read. */
  public synchronized int catchUp() {
    long now = System.currentTimeMillis();
    if (lastFeedRead > 0 && now - lastFeedRead > staleMillis) {
      // rows this node has not read may have been pruned meanwhile: the tables are the truth
      log.warn("search index: the feed was last read {} ms ago; building anew", now - lastFeedRead);
      rebuild();
      return 0;
    }
    missing.values().removeIf(firstSeen -> now - firstSeen > GAP_PATIENCE_MILLIS);
    List<SearchSourceMapper.FeedRow> rows =
        source.feedAfter(watermark, new ArrayList<>(missing.keySet()), BATCH);
    lastFeedRead = now;
    if (rows.isEmpty()) {
      return 0;
    }
    List<Long> replies = new ArrayList<>();
    List<Long> proposals = new ArrayList<>();
    for (SearchSourceMapper.FeedRow row : rows) {
      missing.remove(row.seq());
      if (row.seq() > watermark) {
        for (long gap = watermark + 1; gap < row.seq() && gap > row.seq() - BATCH; gap++) {
          missing.putIfAbsent(gap, now);
        }
        watermark = row.seq();
      }
      (SearchDocuments.REPLY.equals(row.kind()) ? replies : proposals).add(row.refId());
    }
    try {
      applyReplies(replies.stream().distinct().toList());
      applyProposals(proposals.stream().distinct().toList());
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.size();
  }

  private void applyReplies(List<Long> ids) throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    Map<Long, SearchSourceMapper.ReplyRow> found = new HashMap<>();
    source.replies(ids).forEach(r -> found.put(r.id(), r));
    for (long id : ids) {
      SearchSourceMapper.ReplyRow r = found.get(id);
      if (r == null || "VOIDED".equals(r.state())) {
        writer.deleteDocuments(SearchDocuments.replyKey(id));
      } else {
        writer.updateDocument(
            SearchDocuments.replyKey(id), SearchDocuments.reply(r, clock.getZone()));
      }
    }
  }

  private void applyProposals(List<Long> ids) throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    Map<Long, SearchSourceMapper.ProposalRow> found = new HashMap<>();
    source.proposals(ids).forEach(p -> found.put(p.id(), p));
    for (long id : ids) {
      SearchSourceMapper.ProposalRow p = found.get(id);
      if (p == null) {
        writer.deleteDocuments(SearchDocuments.proposalKey(id));
      } else {
        writer.updateDocument(SearchDocuments.proposalKey(id), SearchDocuments.proposal(p));
      }
    }
  }

  /** Runs a read on the current searcher. */
  <T> T read(Function<IndexSearcher, T> reader) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return reader.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How long the last rebuild took (ms; -1 before the first). */
  public long rebuildMillis() {
    return rebuildMillis;
  }

  /** The size of this node's index files (bytes). */
  public long bytesOnDisk() {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many documents the last rebuild wrote. */
  public int rebuildDocs() {
    return rebuildDocs;
  }

  @Override
  public void destroy() throws IOException {
    poller.shutdownNow();
    synchronized (this) {
      searchers.close();
      writer.rollback();
      directory.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
