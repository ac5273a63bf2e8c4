package org.civicflow.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.civicflow.domain.audit.AuditContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the client address of each request into the {@link AuditContext} (audit records, sign-in
 * lockouts). {@code X-Forwarded-For} is honoured only when the request comes from one of the
 * trusted proxies ({@code civicflow.security.trusted-proxies}: addresses or CIDR ranges, none by
 * default): the address is then the right-most entry that is not itself a trusted proxy. Anything
 * else in the header is ignored, so a client cannot choose the address that is recorded.
 */
public class ClientAddressFilter extends OncePerRequestFilter {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

  private final List<Range> trusted;

  public ClientAddressFilter(List<String> trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : trustedProxies) {
      if (entry != null && !entry.isBlank()) {
        ranges.add(Range.parse(entry.strip()));
      }
    }
    this.trusted = List.copyOf(ranges);
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String previous = AuditContext.remoteAddress();
    AuditContext.setRemoteAddress(clientAddress(request));
    try {
      chain.doFilter(request, response);
    } finally {
      if (previous == null) {
        AuditContext.clear();
      } else {
        AuditContext.setRemoteAddress(previous);
      }
    }
  }

  /** The client's address by the rules above (also for filters that run ahead of this one). */
  public String clientAddress(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank() || !isTrusted(remote)) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!IP_LITERAL.matcher(hop).matches()) {
        // not an address: nothing left of it can be trusted either
        return i == hops.length - 1 ? remote : hops[i + 1].strip();
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].strip();
  }

  private boolean isTrusted(String address) {
    if (trusted.isEmpty() || address == null || !IP_LITERAL.matcher(address).matches()) {
      return false;
    }
    byte[] bytes = literal(address);
    return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
  }

  /** The bytes of an address literal; never a name lookup (only literals get here). */
  private static byte[] literal(String address) {
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An address with a prefix length; a plain address is a range of one. */
  private record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      if (!IP_LITERAL.matcher(address).matches()) {
        throw new IllegalArgumentException(
            "civicflow.security.trusted-proxies: not an IP address or CIDR range: " + text);
      }
      byte[] bytes = literal(address);
      if (bytes == null) {
        throw new IllegalArgumentException(
            "civicflow.security.trusted-proxies: not an IP address or CIDR range: " + text);
      }
      int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException(
            "civicflow.security.trusted-proxies: bad prefix length in " + text);
      }
      return new Range(bytes, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
