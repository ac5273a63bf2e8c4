package org.civicflow.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The holiday calendar as an administrator keeps it, and the working-day deadlines that see each
 * change at once.
 */
@MybatisTest
@Import({
  HolidayAdministration.class,
  HolidayCalendar.class,
  AuditLog.class,
  HolidayAdministrationTest.Clocks.class
})
class HolidayAdministrationTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired HolidayAdministration admin;
  @Autowired HolidayCalendar calendar;
  @Autowired AuditLog audit;

  // 2030-09-30 is a Monday; 2030-10-01..07 Tuesday to Monday; 2030-10-12 a Saturday
  static final LocalDate MONDAY = LocalDate.of(2030, 9, 30);

  @Test
  void holidaysAndMakeUpDaysChangeTheDeadlinesAtOnce() {
    // 5 working days after Monday 30 September on plain weekdays: Monday 7 October
    assertThat(calendar.deadlines().signForDueDate(MONDAY)).isEqualTo(LocalDate.of(2030, 10, 7));

    admin.add(
        LocalDate.of(2030, 10, 1), LocalDate.of(2030, 10, 7), DayKind.HOLIDAY, "国庆节", "admin");
    assertThat(admin.year(2030)).hasSize(7);
    // Tue 1 – Mon 7 off: Tue 8, Wed 9, Thu 10, Fri 11, Mon 14
    assertThat(calendar.deadlines().signForDueDate(MONDAY)).isEqualTo(LocalDate.of(2030, 10, 14));

    admin.add(LocalDate.of(2030, 10, 12), null, DayKind.WORKDAY, "国庆节调休", "admin");
    assertThat(calendar.deadlines().signForDueDate(MONDAY)).isEqualTo(LocalDate.of(2030, 10, 12));

    admin.remove(LocalDate.of(2030, 10, 7), "admin");
    assertThat(calendar.deadlines().signForDueDate(MONDAY)).isEqualTo(LocalDate.of(2030, 10, 11));
    assertThat(admin.year(2030)).hasSize(7);
    assertThat(admin.year(2031)).isEmpty();

    assertThat(audit.forObject("holiday", "2030-10-01").get(0).detail())
        .contains("to=2030-10-07", "days=7");
    assertThat(audit.forObject("holiday", "2030-10-07").get(0).action())
        .isEqualTo("holiday.remove");
  }

  @Test
  void refusesBadRunsAndOverlapsAllOrNothing() {
    assertThatThrownBy(
            () -> admin.add(LocalDate.of(2030, 10, 9), null, DayKind.WORKDAY, "调休", "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("date", "validation.holiday.workdayOnWeekend"));
    assertThatThrownBy(
            () ->
                admin.add(
                    LocalDate.of(2030, 10, 9),
                    LocalDate.of(2030, 10, 8),
                    DayKind.HOLIDAY,
                    "x",
                    "a"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("to"));
    assertThatThrownBy(
            () ->
                admin.add(
                    LocalDate.of(2030, 1, 1), LocalDate.of(2030, 3, 1), DayKind.HOLIDAY, "x", "a"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> admin.add(null, null, null, "", "a"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("date", "kind", "name"));

    admin.add(LocalDate.of(2030, 10, 3), null, DayKind.HOLIDAY, "国庆节", "admin");
    assertThatThrownBy(
            () ->
                admin.add(
                    LocalDate.of(2030, 10, 1),
                    LocalDate.of(2030, 10, 7),
                    DayKind.HOLIDAY,
                    "国庆节",
                    "admin"))
        .isInstanceOf(ConflictException.class);
    assertThat(admin.year(2030)).hasSize(1);
    assertThatThrownBy(() -> admin.remove(LocalDate.of(2030, 10, 4), "admin"))
        .isInstanceOf(NotFoundException.class);
  }
}
