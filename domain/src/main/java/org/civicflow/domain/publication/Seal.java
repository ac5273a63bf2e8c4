package org.civicflow.domain.publication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 of the public text, and an HMAC-SHA256 seal over everything a public page shows: the
 * proposal and department, the title and the suggestion block, the category and the public text.
 */
public final class Seal {

  private Seal() {}

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The seal over the fields a public rendering shows. */
  public static String of(
      SealKey key,
      long proposalId,
      String departmentCode,
      PublicSnapshot shown,
      String publicText) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
      String[] parts = {
        String.valueOf(proposalId),
        departmentCode,
        shown.departmentName(),
        shown.title(),
        shown.sessionName(),
        shown.proposalNumber(),
        shown.proposalType(),
        shown.proposer(),
        String.valueOf(shown.delegation()),
        String.valueOf(shown.submittedAt() == null ? null : shown.submittedAt().getEpochSecond()),
        sha256(shown.suggestionText()),
        shown.category(),
        sha256(publicText)
      };
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        mac.update(bytes);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Whether a stored publication still carries the seal of what was signed. */
  public static boolean verify(SealKey key, Publication p) {
    String expected =
        of(key, p.getProposalId(), p.getDepartmentCode(), p.snapshot(), p.getPublicText());
    return MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            p.getSeal().getBytes(StandardCharsets.US_ASCII))
        && sha256(p.getPublicText()).equals(p.getContentSha256());
  }
}
