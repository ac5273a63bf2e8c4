package org.civicflow.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Formatting for pages ({@code ${@fmt.date(x)}}): dates in the city's time zone, days left to a
 * deadline, people's and departments' names instead of codes.
 */
@Component("fmt")
public class PortalFormat {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;
  private final ZoneId zone;
  private final UserDirectory users;
  private final DepartmentDirectory departments;

  PortalFormat(Clock clock, UserDirectory users, DepartmentDirectory departments) {
    this.clock = clock;
    this.zone = clock.getZone();
    this.users = users;
    this.departments = departments;
  }

  public String date(Object value) {
    LocalDate d = localDate(value);
    return d == null ? "" : DATE.format(d);
  }

  public String dateTime(Object value) {
    Instant i = instant(value);
    return i == null ? "" : DATE_TIME.format(i.atZone(zone));
  }

  /** A date as official letters write it: 2022年5月30日. */
  public String chineseDate(Object value) {
    LocalDate d = localDate(value);
    return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  /** Days from today to the due date: negative when overdue. */
  public long daysLeft(Object due) {
    LocalDate d = localDate(due);
    return d == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(LocalDate.now(clock), d);
  }

  public boolean overdue(Object due) {
    Instant i = instant(due);
    return i != null && i.isBefore(clock.instant());
  }

  /** A person's name for a user name; {@code system} stays as it is. */
  public String person(String username) {
    if (username == null) {
      return "";
    }
    return users.find(username).map(User::getDisplayName).orElse(username);
  }

  /** Every department (code and name), for pages that name departments in scripts. */
  public java.util.List<org.civicflow.domain.department.Department> departments() {
    return departments.all();
  }

  /** A department's name (from the directory's copy); an unknown code stays as it is. */
  public String department(String code) {
    if (code == null) {
      return "";
    }
    return departments.all().stream()
        .filter(d -> d.code().equals(code))
        .map(d -> d.name())
        .findFirst()
        .orElse(code);
  }

  private Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof LocalDate d) {
      return d.plusDays(1).atStartOfDay(zone).toInstant();
    }
    if (value instanceof String s && !s.isBlank()) {
      return s.length() == 10
          ? LocalDate.parse(s).atStartOfDay(zone).toInstant()
          : Instant.parse(s);
    }
    return null;
  }

  private LocalDate localDate(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      // task due dates are the start of the day after the deadline
      return d.toInstant().atZone(zone).minusSeconds(1).toLocalDate();
    }
    if (value instanceof String s && s.length() == 10) {
      return LocalDate.parse(s);
    }
    Instant i = instant(value);
    return i == null ? null : i.atZone(zone).toLocalDate();
  }
}
