package org.civicflow.portal.summary;

/**
 * The words for a figure's name in {@code items} ({@code replyRate}, {@code byType.SUGGESTION},
 * {@code byReplyCategory.A}, {@code commitments.kept…}, {@code satisfactionRate.denominator}).
 */
final class SummaryFigureNames {

  private static final String DENOMINATOR = ".denominator";

  private SummaryFigureNames() {}

  static String label(SummaryLabels words, String name) {
    if (name.endsWith(DENOMINATOR)) {
      String base = name.substring(0, name.length() - DENOMINATOR.length());
      return words.text("summary.outOf", label(words, base));
    }
    int dot = name.indexOf('.');
    if (dot < 0) {
      return words.text("summary." + name);
    }
    String base = name.substring(0, dot);
    String key = name.substring(dot + 1);
    return switch (base) {
      case "byType" -> words.type(key);
      case "byReplyCategory" -> words.category(key);
      default -> words.text("summary." + name);
    };
  }
}
