package org.civicflow.portal.summary;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.civicflow.domain.statistics.Rate;
import org.springframework.context.MessageSource;

/** The words of a summary's figures in the reader's language, for the downloads. */
final class SummaryLabels {

  static final String NONE = "—";

  private final MessageSource messages;
  private final Locale locale;
  private final UnaryOperator<String> categoryLabel;

  SummaryLabels(MessageSource messages, Locale locale, UnaryOperator<String> categoryLabel) {
    this.messages = messages;
    this.locale = locale;
    this.categoryLabel = categoryLabel;
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** A result category with its label as configured (a code no longer in use keeps its last). */
  String category(String code) {
    return categoryLabel.apply(code);
  }

  String type(String type) {
    return messages.getMessage("type." + type, null, type, locale);
  }

  /** {@code 93.5%（29/31）}, or "—" when there was nothing to count. */
  String rate(Rate rate) {
    if (rate == null || !rate.known()) {
      return NONE;
    }
    return text(
        "summary.rate", rate.percent().toPlainString(), rate.numerator(), rate.denominator());
  }

  String percent(java.math.BigDecimal percent) {
    return percent == null ? NONE : percent.toPlainString() + "%";
  }
}
