package org.civicflow.domain.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Where the search's time goes at scale, without a database: {@code civicflow.search.probe} replies
 * and as many proposals (the benchmark's vocabulary) indexed from memory, then the ranked search,
 * its highlights and the similar items timed in-process, each part on its own. A profiling aid for
 * {@code PublicSearchBenchmarkIT} (which measures the same over HTTP on MariaDB): {@code mvn -pl
 * domain test -Dtest=SearchScaleProbeTest -Dcivicflow.search.probe=100000}.
 */
@EnabledIfSystemProperty(named = "civicflow.search.probe", matches = "\\d+")
class SearchScaleProbeTest {

  static final String[] TOPICS = {
    "直播带货", "食品安全", "校外培训", "老旧小区", "交通秩序", "电动自行车", "预付卡消费", "农贸市场", "养老服务", "医疗保障", "公共停车",
    "垃圾分类", "物业管理", "学前教育", "就业创业", "乡村振兴", "营商环境", "消防安全", "文化旅游", "生态环境", "城市绿化", "社区治理", "网络安全",
    "未成年人保护", "住房保障", "公共交通", "供暖保障", "水资源", "农产品质量", "中小企业"
  };
  static final String[] VERBS = {"加强", "规范", "完善", "推进", "优化", "落实", "提升", "健全", "强化", "改进"};
  static final String[] NOUNS = {
    "监管", "机制", "服务", "管理", "制度", "体系", "措施", "检查", "宣传", "执法", "投诉", "标准", "平台", "资金", "考核", "培训",
    "调查", "整治", "保障", "试点"
  };
  static final String[] PLACES = {"社区", "街道", "乡镇", "园区", "学校", "医院", "市场", "企业"};

  /** The index's source in memory, read in id order as the database gives it. */
  static final class Source extends FakeSource {
    final Map<Long, ProposalRow> byId = new HashMap<>();

    @Override
    public List<ReplyRow> repliesAfter(long afterId, int limit) {
      int from = (int) afterId;
      return replies.subList(
          Math.min(from, replies.size()), Math.min(from + limit, replies.size()));
    }

    @Override
    public List<ProposalRow> proposalsAfter(long afterId, int limit) {
      int from = (int) afterId;
      return proposals.subList(
          Math.min(from, proposals.size()), Math.min(from + limit, proposals.size()));
    }

    @Override
    public List<ProposalRow> proposals(List<Long> ids) {
      return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
  }

  @Test
  void probe() throws Exception {
    int n = Integer.getInteger("civicflow.search.probe");
    Random r = new Random(1);
    Source source = new Source();
    String[] depts = {"SCJG", "SWJ", "WXB", "GAJ", "JYJ"};
    for (int i = 1; i <= n; i++) {
      int year = 2022 + r.nextInt(4);
      source.replies.add(
          new SearchSourceMapper.ReplyRow(
              i,
              i,
              depts[r.nextInt(5)],
              "局",
              "PUBLISHED",
              title(r),
              text(r, 16),
              text(r, 6),
              "基准测试会议",
              "B" + i,
              String.valueOf("ABC".charAt(r.nextInt(3))),
              year,
              Instant.parse(year + "-06-01T00:00:00Z").plusSeconds(i),
              Instant.parse(year + "-05-01T00:00:00Z")));
      SearchSourceMapper.ProposalRow p =
          new SearchSourceMapper.ProposalRow(
              i, 1, "收件箱基准会议", "I" + i, title(r), text(r, 3), "HANDLING", Instant.now());
      source.proposals.add(p);
      source.byId.put((long) i, p);
    }
    LocalSearchIndex index = new LocalSearchIndex(source, Clock.systemUTC(), "", 600_000);
    long t = System.nanoTime();
    int docs = index.rebuild();
    System.out.printf("rebuild: %d documents in %.1f s%n", docs, (System.nanoTime() - t) / 1e9);
    ReplySearch search = new ReplySearch(index);
    SimilarItems similar = new SimilarItems(index, source);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      queries.add(pick(r, NOUNS));
      queries.add(pick(r, TOPICS));
      queries.add(pick(r, TOPICS) + pick(r, NOUNS));
    }
    time(
        "ranked search (page of 10, counts)",
        () -> {
          RankedQuery q = RankedQuery.parse(queries.get(r.nextInt(queries.size())));
          return search.search(
              new ReplySearch.Request(q, null, null, null, null, false, 0, 10), Set.of());
        });
    String reply = source.replies.get(0).publicText();
    time(
        "highlights of 10 replies",
        () -> {
          RankedQuery q = RankedQuery.parse(queries.get(r.nextInt(queries.size())));
          List<String> all = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            all.addAll(ReplySearch.highlights(q, reply, 2));
          }
          return all;
        });
    time(
        "similar proposals (all, 10)",
        () -> similar.proposals(1 + r.nextInt(n), SimilarItems.Scope.ALL, 10, id -> true));
    time("similar replies (10)", () -> similar.replies(1 + r.nextInt(n), "*", 10));
    if (Boolean.getBoolean("civicflow.search.probe.similar")) {
      similarParts(index, source, n, r);
    }
    if (Boolean.getBoolean("civicflow.search.probe.parts")) {
      time(
          "similar items' query made (the text's terms chosen), not run",
          () ->
              index.read(
                  s ->
                      uncheck(
                          () -> {
                            SearchSourceMapper.ProposalRow p =
                                source.byId.get((long) 1 + r.nextInt(n));
                            return SimilarItems.like(
                                s, new SimilarItems.Text(p.title(), p.content()));
                          })));
      parts(index, queries, r);
      for (int terms : new int[] {60, 30}) {
        time(
            "similar proposals' query alone, " + terms + " terms",
            () ->
                index.read(
                    s ->
                        uncheck(
                            () -> {
                              SearchSourceMapper.ProposalRow p =
                                  source.byId.get((long) 1 + r.nextInt(n));
                              return s.search(
                                  SimilarItems.like(
                                      s, new SimilarItems.Text(p.title(), p.content()), terms, 100),
                                  100);
                            })));
      }
    }
    index.destroy();
  }

  /** The similar items' query with and without its filter, and without the commonest terms. */
  private static void similarParts(LocalSearchIndex index, Source source, int n, Random r) {
    for (int round = 0; round < 2; round++) {
      for (int maxPct : new int[] {100, 30, 10}) {
        for (boolean filtered : new boolean[] {true, false}) {
          time(
              "similar query, terms in at most "
                  + maxPct
                  + "% of documents, "
                  + (filtered ? "kind filter" : "no filter"),
              () ->
                  index.read(
                      s ->
                          uncheck(
                              () -> {
                                SearchSourceMapper.ProposalRow p =
                                    source.byId.get((long) 1 + r.nextInt(n));
                                org.apache.lucene.search.Query like =
                                    SimilarItems.like(
                                        s,
                                        new SimilarItems.Text(p.title(), p.content()),
                                        SimilarItems.QUERY_TERMS,
                                        maxPct);
                                org.apache.lucene.search.BooleanQuery.Builder b =
                                    new org.apache.lucene.search.BooleanQuery.Builder();
                                if (filtered) {
                                  b.add(
                                      new org.apache.lucene.search.TermQuery(
                                          new org.apache.lucene.index.Term(
                                              SearchDocuments.KIND, SearchDocuments.PROPOSAL)),
                                      org.apache.lucene.search.BooleanClause.Occur.FILTER);
                                }
                                b.add(like, org.apache.lucene.search.BooleanClause.Occur.MUST);
                                return s.search(b.build(), SimilarItems.CANDIDATES).totalHits;
                              })));
        }
      }
    }
  }

  /** The ranked search's parts for each kind of query: matching, scoring, sorting, counting. */
  private static void parts(LocalSearchIndex index, List<String> queries, Random r) {
    for (boolean kind : new boolean[] {true, false, true, false}) {
      time(
          "whole ranked search " + (kind ? "with" : "without") + " the kind filter",
          () -> {
            org.apache.lucene.search.BooleanQuery.Builder b =
                new org.apache.lucene.search.BooleanQuery.Builder();
            if (kind) {
              b.add(
                  new org.apache.lucene.search.TermQuery(
                      new org.apache.lucene.index.Term(
                          SearchDocuments.KIND, SearchDocuments.REPLY)),
                  org.apache.lucene.search.BooleanClause.Occur.FILTER);
            }
            b.add(
                new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(SearchDocuments.PUBLIC, "1")),
                org.apache.lucene.search.BooleanClause.Occur.FILTER);
            RankedQuery.parse(queries.get(r.nextInt(queries.size()))).addTo(b);
            org.apache.lucene.search.Query q = b.build();
            return index.read(
                s ->
                    uncheck(
                        () ->
                            s.search(
                                q,
                                new org.apache.lucene.search.MultiCollectorManager(
                                    new org.apache.lucene.search.TopFieldCollectorManager(
                                        new org.apache.lucene.search.Sort(
                                            org.apache.lucene.search.SortField.FIELD_SCORE,
                                            new org.apache.lucene.search.SortField(
                                                SearchDocuments.TIME,
                                                org.apache.lucene.search.SortField.Type.LONG,
                                                true)),
                                        10,
                                        null,
                                        Integer.MAX_VALUE),
                                    FacetCounter.manager(
                                        List.of(
                                            SearchDocuments.DEPARTMENT,
                                            SearchDocuments.YEAR,
                                            SearchDocuments.CATEGORY))))));
          });
    }
    for (int kind = 0; kind < 3; kind++) {
      int k = kind;
      Supplier<org.apache.lucene.search.Query> query =
          () -> {
            org.apache.lucene.search.BooleanQuery.Builder b =
                new org.apache.lucene.search.BooleanQuery.Builder();
            b.add(
                new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(SearchDocuments.PUBLIC, "1")),
                org.apache.lucene.search.BooleanClause.Occur.FILTER);
            RankedQuery.parse(queries.get(3 * r.nextInt(50) + k)).addTo(b);
            return b.build();
          };
      String name = k == 0 ? "a word" : k == 1 ? "a topic (phrase)" : "topic and word (phrase)";
      time(name + ": count only", () -> index.read(s -> uncheck(() -> s.count(query.get()))));
      time(
          name + ": top 10 by score",
          () -> index.read(s -> uncheck(() -> s.search(query.get(), 10))));
      time(
          name + ": top 10 by score, exact total",
          () ->
              index.read(
                  s ->
                      uncheck(
                          () ->
                              s.search(
                                  query.get(),
                                  new org.apache.lucene.search.TopScoreDocCollectorManager(
                                      10, null, Integer.MAX_VALUE)))));
      time(
          name + ": counts per facet only",
          () ->
              index.read(
                  s ->
                      uncheck(
                          () ->
                              s.search(
                                  query.get(),
                                  FacetCounter.manager(
                                      List.of(
                                          SearchDocuments.DEPARTMENT,
                                          SearchDocuments.YEAR,
                                          SearchDocuments.CATEGORY))))));
    }
  }

  interface Io<T> {
    T get() throws java.io.IOException;
  }

  private static <T> T uncheck(Io<T> io) {
    try {
      return io.get();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void time(String what, Supplier<Object> call) {
    int rounds = Integer.getInteger("civicflow.search.probe.rounds", 200);
    for (int i = 0; i < rounds / 2; i++) {
      call.get();
    }
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      call.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
        what, ms[rounds / 2], ms[(int) (rounds * 0.95)], ms[(int) (rounds * 0.99)]);
  }

  static String title(Random r) {
    return "关于" + pick(r, VERBS) + pick(r, TOPICS) + pick(r, NOUNS) + "的建议";
  }

  static String text(Random r, int sentences) {
    StringBuilder sb = new StringBuilder("代表:\n\n您的建议收悉。现答复如下:\n\n");
    for (int i = 0; i < sentences; i++) {
      sb.append("我局")
          .append(pick(r, VERBS))
          .append(pick(r, TOPICS))
          .append(pick(r, NOUNS))
          .append(",在")
          .append(pick(r, PLACES))
          .append("开展")
          .append(pick(r, NOUNS))
          .append(pick(r, NOUNS))
          .append(r.nextInt(500))
          .append("次。");
      if (i % 4 == 3) {
        sb.append("\n\n");
      }
    }
    return sb.toString();
  }

  static String pick(Random r, String[] words) {
    return words[r.nextInt(words.length)];
  }
}
