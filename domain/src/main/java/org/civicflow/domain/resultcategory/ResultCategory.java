package org.civicflow.domain.resultcategory;

import java.time.Instant;
import java.util.Locale;

/**
 * One result category of a set, as configured.
 *
 * @param set the set it belongs to ({@code ABC}, {@code ABCD})
 * @param code the letter stored with a reply
 * @param requiresCommitments whether a reply of this category promises action and so lists its
 *     commitments (and one of any other category lists none)
 * @param updatedAt when an administrator last edited it ({@code null}: as seeded)
 */
public record ResultCategory(
    String set,
    String code,
    String labelZh,
    String labelEn,
    String descriptionZh,
    String descriptionEn,
    int sortOrder,
    boolean requiresCommitments,
    Instant updatedAt,
    String updatedBy) {

  /** The label in the language of {@code locale} (Chinese unless English is asked for). */
  public String label(Locale locale) {
    return isEnglish(locale) ? labelEn : labelZh;
  }

  /** The description in the language of {@code locale}; may be {@code null}. */
  public String description(Locale locale) {
    return isEnglish(locale) ? descriptionEn : descriptionZh;
  }

  /** "A类 已解决或采纳" / "A — solved or adopted": the code with its label, as people read it. */
  public String display(Locale locale) {
    return isEnglish(locale) ? code + " — " + labelEn : code + "类 " + labelZh;
  }

  private static boolean isEnglish(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }
}
