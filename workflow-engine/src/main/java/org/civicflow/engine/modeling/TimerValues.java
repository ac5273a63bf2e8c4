package org.civicflow.engine.modeling;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** Literal timer values: ISO-8601 dates, durations and repeating intervals. */
final class TimerValues {

  private TimerValues() {}

  static boolean valid(String kind, String value) {
    return switch (kind) {
      case "timeDuration" -> isDuration(value);
      case "timeDate" -> isDate(value);
      case "timeCycle" -> isCycle(value);
      default -> false;
    };
  }

  static boolean isDuration(String v) {
    if (!v.startsWith("P")) {
      return false;
    }
    try {
      Duration d = Duration.parse(v);
      return !d.isNegative() && !d.isZero();
    } catch (DateTimeParseException e) {
      // months and years: a Period, optionally with a time part
    }
    int t = v.indexOf('T');
    try {
      Period p = Period.parse(t < 0 ? v : v.substring(0, t));
      if (t >= 0) {
        Duration.parse("P" + v.substring(t));
      }
      return !p.isNegative();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean isDate(String v) {
    try {
      OffsetDateTime.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      try {
        java.time.LocalDateTime.parse(v);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  /** {@code R3/PT1H} or {@code R/2026-01-01T09:00:00Z/P1D}; cron is not offered. */
  static boolean isCycle(String v) {
    String[] parts = v.split("/");
    if (parts.length < 2 || !parts[0].matches("R\\d*")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      if (!isDuration(parts[i]) && !isDate(parts[i])) {
        return false;
      }
    }
    return true;
  }
}
