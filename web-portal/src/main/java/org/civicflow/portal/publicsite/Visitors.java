package org.civicflow.portal.publicsite;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.civicflow.domain.audit.AuditContext;

/** An opaque key for "the same visitor" when counting reads; nothing of it is stored. */
final class Visitors {

  /** One digest per thread: looking the algorithm up per request costs more than hashing. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is not available", e);
            }
          });

  private Visitors() {}

  /** The visitor of a request that passed the client address filter. */
  static String key(HttpServletRequest request) {
    String address = AuditContext.remoteAddress();
    return key(
        address != null ? address : request.getRemoteAddr(), request.getHeader("User-Agent"));
  }

  /** The visitor from its client address (see the client address filter) and browser. */
  static String key(String clientAddress, String userAgent) {
    String raw = clientAddress + "|" + userAgent;
    MessageDigest sha256 = SHA256.get();
    byte[] hash = sha256.digest(raw.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 12);
  }
}
