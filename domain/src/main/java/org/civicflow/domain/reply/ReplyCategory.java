package org.civicflow.domain.reply;

import java.util.regex.Pattern;

/**
 * The result category of a reply as stored: its code (A, B, C, D…). Which codes exist, what they
 * are called and which ones promise action is configuration ({@code ResultCategorySet}); a stored
 * code never changes when the configuration does.
 */
public record ReplyCategory(String code) {

  private static final Pattern CODE = Pattern.compile("[A-Z]");

  public ReplyCategory {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("not a category code: " + code);
    }
  }

  /** The category of {@code code}; {@code null} for a blank one. */
  public static ReplyCategory of(String code) {
    return code == null || code.isBlank() ? null : new ReplyCategory(code.strip());
  }

  /** Whether {@code code} has the form of a category code (one capital letter). */
  public static boolean wellFormed(String code) {
    return code != null && CODE.matcher(code.strip()).matches();
  }

  @Override
  public String toString() {
    return code;
  }
}
