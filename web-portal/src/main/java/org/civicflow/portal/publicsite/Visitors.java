package org.civicflow.portal.publicsite;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An opaque key for "the same visitor" when counting reads; nothing of it is stored. */
final class Visitors {

  private Visitors() {}

  static String key(HttpServletRequest request) {
    String raw = request.getRemoteAddr() + "|" + String.valueOf(request.getHeader("User-Agent"));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      return raw;
    }
  }
}
