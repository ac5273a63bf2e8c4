package org.civicflow.domain.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An in-memory source of the index: replies, proposals and a feed, without a database. */
class FakeSource implements SearchSourceMapper {

  final List<ReplyRow> replies = new ArrayList<>();
  final List<ProposalRow> proposals = new ArrayList<>();
  final List<FeedRow> feed = new ArrayList<>();

  ReplyRow reply(long id, String dept, String category, int year, String title, String text) {
    ReplyRow r =
        new ReplyRow(
            id,
            1000 + id,
            dept,
            dept + "局",
            "PUBLISHED",
            title,
            text,
            "",
            "市九届人大一次会议",
            String.valueOf(900000 + id),
            category,
            year,
            Instant.parse(year + "-06-01T00:00:00Z").plusSeconds(id),
            Instant.parse(year + "-05-01T00:00:00Z"));
    replies.removeIf(x -> x.id() == id);
    replies.add(r);
    return r;
  }

  ProposalRow proposal(long id, String session, String title, String content) {
    ProposalRow p =
        new ProposalRow(
            id, session.hashCode(), session, "N" + id, title, content, "REGISTERED", Instant.now());
    proposals.removeIf(x -> x.id() == id);
    proposals.add(p);
    return p;
  }

  @Override
  public int insertFeed(String kind, long refId, Instant at) {
    feed.add(new FeedRow(feed.size() + 1, kind, refId));
    return 1;
  }

  @Override
  public Long maxFeedSeq() {
    return feed.isEmpty() ? null : (long) feed.size();
  }

  @Override
  public List<FeedRow> feedAfter(long after, List<Long> missing, int limit) {
    return feed.stream()
        .filter(f -> f.seq() > after || missing.contains(f.seq()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<ReplyRow> repliesAfter(long afterId, int limit) {
    return replies.stream()
        .filter(r -> r.id() > afterId)
        .sorted(java.util.Comparator.comparingLong(ReplyRow::id))
        .limit(limit)
        .toList();
  }

  @Override
  public List<ReplyRow> replies(List<Long> ids) {
    return replies.stream().filter(r -> ids.contains(r.id())).toList();
  }

  @Override
  public List<ProposalRow> proposalsAfter(long afterId, int limit) {
    return proposals.stream()
        .filter(p -> p.id() > afterId)
        .sorted(java.util.Comparator.comparingLong(ProposalRow::id))
        .limit(limit)
        .toList();
  }

  @Override
  public List<ProposalRow> proposals(List<Long> ids) {
    return proposals.stream().filter(p -> ids.contains(p.id())).toList();
  }

  @Override
  public List<AnswerRow> answers(List<Long> proposalIds) {
    return List.of();
  }

  @Override
  public List<AnswerRow> answersByPublication(List<Long> publicationIds) {
    return List.of();
  }

  @Override
  public int insertDraftSource(long draftId, long publicationId) {
    return 1;
  }

  @Override
  public List<AnswerRow> draftSources(long draftId) {
    return List.of();
  }
}
