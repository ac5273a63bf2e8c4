package org.civicflow.portal.publicsite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.publication.PublicReplies;
import org.civicflow.domain.publication.ReadCounter;
import org.civicflow.domain.publication.ReplyWithheldException;
import org.civicflow.domain.publication.VerifiedReply;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public reply page as last rendered, for anonymous visitors: the page depends only on the
 * verified reply (its sealed snapshot, withdrawal included) and the read count, so a plain GET
 * without cookies or parameters is answered with the bytes and headers rendered for the same reply
 * and count — after the view is counted as the controller would. Anything else (a cookie for the
 * language or the accessible mode, a session, a query string, a withheld or withdrawn reply) goes
 * to the controller. Runs before the security filters; the cached headers are the ones they set.
 */
class ReplyPageCache extends OncePerRequestFilter {

  /** Set by the controller: the reply and read count of the page it rendered. */
  static final String RENDERED = ReplyPageCache.class.getName() + ".rendered";

  private static final Pattern PATH = Pattern.compile("/public/replies/(\\d{1,18})");
  private static final Set<String> NOT_COPIED =
      Set.of("set-cookie", "content-length", "transfer-encoding", "date", "connection");

  record Key(VerifiedReply reply, long readCount) {}

  record Page(String contentType, List<String[]> headers, byte[] body) {}

  private final PublicReplies replies;
  private final ReadCounter reads;
  private final Cache<Key, Page> pages =
      Caffeine.newBuilder().maximumSize(2_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  ReplyPageCache(PublicReplies replies, ReadCounter reads) {
    this.replies = replies;
    this.reads = reads;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || request.getQueryString() != null
        || request.getCookies() != null
        || !PATH.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = PATH.matcher(request.getRequestURI());
    m.matches();
    long id = Long.parseLong(m.group(1));
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
    reads.viewed(id, Visitors.key(request));
    Page cached = pages.getIfPresent(new Key(reply, reads.count(reply)));
    if (cached != null) {
      response.setStatus(200);
      for (String[] h : cached.headers()) {
        response.addHeader(h[0], h[1]);
      }
      response.setContentType(cached.contentType());
      response.setContentLength(cached.body().length);
      response.getOutputStream().write(cached.body());
      return;
    }
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    Object rendered = request.getAttribute(RENDERED);
    if (wrapper.getStatus() == 200
        && rendered instanceof Key key
        && request.getSession(false) == null
        && wrapper.getContentType() != null
        && wrapper.getContentType().startsWith("text/html")) {
      List<String[]> headers = new ArrayList<>();
      for (String name : wrapper.getHeaderNames()) {
        if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))
            && !name.equalsIgnoreCase("content-type")) {
          for (String value : wrapper.getHeaders(name)) {
            headers.add(new String[] {name, value});
          }
        }
      }
      pages.put(key, new Page(wrapper.getContentType(), headers, wrapper.getContentAsByteArray()));
    }
    wrapper.copyBodyToResponse();
  }
}
