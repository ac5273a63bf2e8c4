package org.civicflow.domain.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The parts a MAC covers, each written with its length, so that no two different lists of parts
 * give the same bytes ({@code "ab","c"} is not {@code "a","bc"}), and a missing value is not the
 * text {@code "null"}. The first part names the kind of record and its format, so that a MAC of one
 * kind of record is never valid for another.
 */
public final class MacInput {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

  private MacInput(String purpose) {
    add(purpose);
  }

  private MacInput(byte[] exactly) {
    bytes.writeBytes(exactly);
  }

  /**
   * Bytes exactly as a format older than this class wrote them, to check the seals made then. Never
   * for new seals: these bytes name no purpose.
   */
  public static MacInput earlierFormat(byte[] exactly) {
    return new MacInput(exactly);
  }

  /**
   * @param purpose the kind of record and format, e.g. {@code "publication-content/2"}
   */
  public static MacInput of(String purpose) {
    return new MacInput(purpose);
  }

  public MacInput add(String part) {
    if (part == null) {
      bytes.writeBytes("-:".getBytes(StandardCharsets.US_ASCII));
      return this;
    }
    byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
    bytes.writeBytes((utf8.length + ":").getBytes(StandardCharsets.US_ASCII));
    bytes.writeBytes(utf8);
    return this;
  }

  public MacInput add(long part) {
    return add(String.valueOf(part));
  }

  public MacInput add(Long part) {
    return add(part == null ? null : String.valueOf(part));
  }

  public MacInput add(Integer part) {
    return add(part == null ? null : String.valueOf(part));
  }

  /** An instant to the second: the database keeps no fractions. */
  public MacInput add(Instant part) {
    return add(part == null ? null : String.valueOf(part.getEpochSecond()));
  }

  public MacInput add(Enum<?> part) {
    return add(part == null ? null : part.name());
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }
}
