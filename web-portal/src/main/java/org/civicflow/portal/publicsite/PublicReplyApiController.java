package org.civicflow.portal.publicsite;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.publication.PublicReplies;
import org.civicflow.domain.publication.ReadCounter;
import org.civicflow.domain.publication.ReplyWithheldException;
import org.civicflow.domain.publication.VerifiedReply;
import org.civicflow.domain.search.PublicQuery;
import org.civicflow.domain.search.ReplySearch;
import org.civicflow.portal.web.ApiError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public replies as JSON, with the SHA-256 of each reply text for outside checks. */
@RestController
class PublicReplyApiController {

  /** Related replies shown at most. */
  static final int RELATED = 5;

  private final PublicReplies replies;
  private final ReadCounter reads;
  private final PublicCommitments commitments;
  private final PublicCategories categories;

  PublicReplyApiController(
      PublicReplies replies,
      ReadCounter reads,
      PublicCommitments commitments,
      PublicCategories categories) {
    this.categories = categories;
    this.replies = replies;
    this.reads = reads;
    this.commitments = commitments;
  }

  /** One line of the public list. */
  record Item(
      long id,
      String title,
      String session,
      String number,
      String department,
      String category,
      Instant publishedAt,
      List<String> highlights) {}

  /**
   * One published reply. {@code contentSha256} is the lower-case hex SHA-256 of the UTF-8 bytes of
   * {@code replyText} exactly as returned: the public text that the signing leader signed.
   */
  record Reply(
      long id,
      String title,
      String session,
      String number,
      String type,
      String proposer,
      String delegation,
      String department,
      String suggestionText,
      String replyText,
      String category,
      Instant submittedAt,
      Instant repliedAt,
      Instant publishedAt,
      long readCount,
      String contentSha256,
      boolean withdrawn,
      String withdrawalReason,
      List<PublicCommitments.Shown> commitments,
      String resultCategory) {}

  /**
   * A page of the public list, with the number of all matches per department (code), year and
   * category of reply.
   */
  record ListPage(
      List<Item> items,
      int page,
      int size,
      long total,
      java.util.Map<String, java.util.Map<String, Integer>> counts) {}

  @GetMapping("/api/v1/public/replies")
  ListPage list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String sort) {
    boolean newest = PublicSiteController.newest(sort);
    if (q != null && q.length() > 100) {
      throw ValidationException.of("q", "validation.tooLong");
    }
    categories.check(category);
    if (size < 1 || size > PublicQuery.MAX_SIZE) {
      throw ValidationException.of("size", "validation.pageSize");
    }
    if (page < 0) {
      throw ValidationException.of("page", "validation.page");
    }
    PublicReplies.Page result =
        replies.search(
            PublicQuery.of(q, blank(session), blank(department), year, blank(category), page, size),
            newest);
    List<Item> items =
        result.items().stream()
            .map(
                r ->
                    new Item(
                        r.id(),
                        r.shown().title(),
                        r.shown().sessionName(),
                        r.shown().proposalNumber(),
                        r.shown().departmentName(),
                        r.shown().category(),
                        r.publishedAt(),
                        result.highlightsOf(r.id())))
            .toList();
    return new ListPage(
        items,
        page,
        size,
        result.total(),
        java.util.Map.of(
            "department", result.countsOf(ReplySearch.DEPARTMENT),
            "year", result.countsOf(ReplySearch.YEAR),
            "category", result.countsOf(ReplySearch.CATEGORY)));
  }

  /** Related published replies: the public list's items, most related first. */
  record Related(List<Item> items) {}

  @GetMapping("/api/v1/public/replies/{id}/related")
  ResponseEntity<?> related(@PathVariable long id) {
    VerifiedReply r;
    try {
      r = replies.reply(id);
    } catch (ReplyWithheldException withheld) {
      return ResponseEntity.ok(new Related(List.of()));
    }
    return ResponseEntity.ok(
        new Related(
            replies.related(r, RELATED).stream()
                .map(
                    x ->
                        new Item(
                            x.id(),
                            x.shown().title(),
                            x.shown().sessionName(),
                            x.shown().proposalNumber(),
                            x.shown().departmentName(),
                            x.shown().category(),
                            x.publishedAt(),
                            List.of()))
                .toList()));
  }

  @GetMapping("/api/v1/public/replies/{id}")
  ResponseEntity<?> reply(@PathVariable long id, HttpServletRequest request) {
    VerifiedReply r;
    try {
      r = replies.reply(id);
    } catch (ReplyWithheldException withheld) {
      return ResponseEntity.status(503)
          .header("Retry-After", "3600")
          .body(
              new ApiError(
                  503,
                  "under_review",
                  "该答复正在核查 / this reply is being reviewed",
                  java.util.Map.of()));
    }
    if (!r.withdrawn()) {
      reads.viewed(id, Visitors.key(request));
    }
    var s = r.shown();
    return ResponseEntity.ok(
        new Reply(
            r.id(),
            s.title(),
            s.sessionName(),
            s.proposalNumber(),
            s.proposalType(),
            s.proposer(),
            s.delegation(),
            s.departmentName(),
            r.withdrawn() ? null : s.suggestionText(),
            r.withdrawn() ? null : r.publicText(),
            s.category(),
            s.submittedAt(),
            r.repliedAt(),
            r.publishedAt(),
            reads.count(r),
            r.withdrawn() ? null : r.contentSha256(),
            r.withdrawn(),
            r.withdrawalReason(),
            r.withdrawn() ? List.of() : commitments.of(r),
            resultCategory(r)));
  }

  /** The category after the registrar's decision once the commitments were kept, else as signed. */
  private String resultCategory(VerifiedReply r) {
    var decision = commitments.decision(r);
    return decision == null ? r.shown().category() : decision.toCategory();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
