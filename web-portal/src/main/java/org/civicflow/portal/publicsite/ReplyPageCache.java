package org.civicflow.portal.publicsite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.publication.PublicReplies;
import org.civicflow.domain.publication.ReadCounter;
import org.civicflow.domain.publication.ReplyWithheldException;
import org.civicflow.domain.publication.VerifiedReply;
import org.civicflow.portal.security.ClientAddressFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public reply page as last rendered, for anonymous visitors. The page depends only on the
 * verified reply (its sealed snapshot, withdrawal included), its commitments (their states, reports
 * and supplementary replies, as {@link PublicCommitments#recent} read them on this node within the
 * last seconds) and the read count, so a plain GET without cookies or parameters is answered with
 * the bytes and headers rendered for a reply with the same content, the current read count put in
 * its place — after the view is counted as the controller would. The reply comes from {@link
 * PublicReplies} on every request, so a withheld, withdrawn or changed reply is seen here as soon
 * as the integrity guard sees it (at once on this node, within its re-check interval from other
 * nodes). Anything else (a cookie for the language, the accessible mode or a session, a query
 * string, a withheld or withdrawn reply) goes to the controller. Runs before the other filters; the
 * cached headers are the ones the security filters set when the page was rendered.
 */
class ReplyPageCache implements Filter {

  /** Set by the controller: the reply and read count of the page it rendered. */
  static final String RENDERED = ReplyPageCache.class.getName() + ".rendered";

  private static final String PATH = "/public/replies/";
  private static final byte[] READS = "class=\"reads\">".getBytes(StandardCharsets.US_ASCII);
  private static final Set<String> NOT_COPIED =
      Set.of("set-cookie", "content-length", "transfer-encoding", "date", "connection");

  /**
   * @param commitments what the page showed of the reply's commitments (they change after the
   *     sealed reply: the page holds only while they are the same)
   */
  record Key(VerifiedReply reply, long readCount, Object commitments) {}

  /**
   * A rendered page split around its read count; {@code headers} holds names and values in turn.
   */
  record Page(
      VerifiedReply reply,
      Object commitments,
      String contentType,
      Locale locale,
      String[] headers,
      byte[] head,
      byte[] tail) {

    Page forReply(VerifiedReply same) {
      return new Page(same, commitments, contentType, locale, headers, head, tail);
    }
  }

  private final PublicReplies replies;
  private final ReadCounter reads;
  private final ClientAddressFilter addresses;
  private final PublicCommitments commitments;
  private final Cache<Long, Page> pages =
      Caffeine.newBuilder().maximumSize(2_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  ReplyPageCache(
      PublicReplies replies,
      ReadCounter reads,
      ClientAddressFilter addresses,
      PublicCommitments commitments) {
    this.replies = replies;
    this.reads = reads;
    this.addresses = addresses;
    this.commitments = commitments;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long id = cacheableReplyId(request);
    if (id < 0) {
      chain.doFilter(request, response);
      return;
    }
    VerifiedReply reply;
    try {
      reply = replies.reply(id);
    } catch (ReplyWithheldException | NotFoundException e) {
      chain.doFilter(request, response);
      return;
    }
    if (reply.withdrawn()) {
      chain.doFilter(request, response);
      return;
    }
    reads.viewed(
        id, Visitors.key(addresses.clientAddress(request), request.getHeader("User-Agent")));
    Page page = pages.getIfPresent(id);
    if (page != null && page.reply() != reply) {
      // the reply was read and verified again: the page holds if what it shows is the same
      if (page.reply().sameContentAs(reply)) {
        page = page.forReply(reply);
        pages.put(id, page);
      } else {
        page = null;
      }
    }
    if (page != null && !java.util.Objects.equals(page.commitments(), commitments.recent(reply))) {
      page = null; // a commitment moved on (as this node last read them, at most seconds ago)
    }
    if (page != null) {
      write(response, page, reads.count(reply));
      return;
    }
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    Page rendered = rendered(request, wrapper, id);
    if (rendered != null) {
      pages.put(id, rendered);
    }
    wrapper.copyBodyToResponse();
  }

  /** The reply id of a plain anonymous GET of a reply page, or -1. */
  private static long cacheableReplyId(HttpServletRequest request) {
    String uri = request.getRequestURI();
    int digits = uri.length() - PATH.length();
    if (digits < 1
        || digits > 18
        || !uri.startsWith(PATH)
        || !"GET".equals(request.getMethod())
        || request.getQueryString() != null
        || request.getHeader("Cookie") != null) {
      return -1;
    }
    long id = 0;
    for (int i = PATH.length(); i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      id = id * 10 + (c - '0');
    }
    return id;
  }

  private static void write(HttpServletResponse response, Page page, long readCount)
      throws IOException {
    byte[] count = Long.toString(readCount).getBytes(StandardCharsets.US_ASCII);
    response.setStatus(200);
    String[] headers = page.headers();
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    response.setLocale(page.locale()); // Content-Language
    response.setContentType(page.contentType());
    response.setContentLength(page.head().length + count.length + page.tail().length);
    ServletOutputStream out = response.getOutputStream();
    out.write(page.head());
    out.write(count);
    out.write(page.tail());
  }

  /** What the controller rendered for an anonymous reader, if it can be served again. */
  private static Page rendered(
      HttpServletRequest request, ContentCachingResponseWrapper wrapper, long id) {
    if (!(request.getAttribute(RENDERED) instanceof Key key)
        || key.reply().id() != id
        || wrapper.getStatus() != 200
        || wrapper.getContentType() == null
        || !wrapper.getContentType().startsWith("text/html")
        || wrapper.getHeader("Set-Cookie") != null) {
      return null;
    }
    byte[] body = wrapper.getContentAsByteArray();
    byte[] shown =
        (new String(READS, StandardCharsets.US_ASCII) + key.readCount() + "<")
            .getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(body, shown, 0);
    if (at < 0 || indexOf(body, shown, at + 1) >= 0) {
      return null; // the count is not where it is expected: render every time
    }
    int countAt = at + READS.length;
    int countEnd = at + shown.length - 1;
    List<String> headers = new ArrayList<>();
    for (String name : wrapper.getHeaderNames()) {
      if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))
          && !name.equalsIgnoreCase("content-type")) {
        for (String value : wrapper.getHeaders(name)) {
          headers.add(name);
          headers.add(value);
        }
      }
    }
    return new Page(
        key.reply(),
        key.commitments(),
        wrapper.getContentType(),
        wrapper.getLocale(),
        headers.toArray(String[]::new),
        Arrays.copyOfRange(body, 0, countAt),
        Arrays.copyOfRange(body, countEnd, body.length));
  }

  private static int indexOf(byte[] data, byte[] part, int from) {
    outer:
    for (int i = from; i <= data.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
