package org.civicflow.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  // 2026-09-28 is a Monday; 2026-10-01..07 National Day holidays, 2026-10-10 (Sat) a make-up day.
  private static final WorkingDayCalendar CALENDAR =
      new WorkingDayCalendar(
          List.of(
              new Holiday(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节"),
              new Holiday(LocalDate.of(2026, 10, 2), DayKind.HOLIDAY, "国庆节"),
              new Holiday(LocalDate.of(2026, 10, 5), DayKind.HOLIDAY, "国庆节"),
              new Holiday(LocalDate.of(2026, 10, 6), DayKind.HOLIDAY, "国庆节"),
              new Holiday(LocalDate.of(2026, 10, 7), DayKind.HOLIDAY, "国庆节"),
              new Holiday(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆调休")));
  private final Deadlines deadlines = new Deadlines(CALENDAR, DeadlineProperties.defaults());

  @Test
  void workingDaysSkipWeekends() {
    Deadlines plain =
        new Deadlines(WorkingDayCalendar.weekdaysOnly(), DeadlineProperties.defaults());
    // Friday 2026-11-27 + 5 working days = Friday 2026-12-04
    assertThat(plain.signForDueDate(LocalDate.of(2026, 11, 27)))
        .isEqualTo(LocalDate.of(2026, 12, 4));
    // Saturday start counts from Monday
    assertThat(plain.signForDueDate(LocalDate.of(2026, 11, 28)))
        .isEqualTo(LocalDate.of(2026, 12, 4));
  }

  @Test
  void workingDaysSkipHolidaysAndCountMakeUpDays() {
    // Mon 09-28 +5: Tue 29, Wed 30, (Oct 1,2 holiday, 3,4 weekend, 5,6,7 holiday), Thu 8, Fri 9,
    // Sat 10 (make-up working day) -> 2026-10-10
    assertThat(deadlines.signForDueDate(LocalDate.of(2026, 9, 28)))
        .isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
    assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 10)))
        .isEqualTo(5);
  }

  @Test
  void replyDeadlineIsMonthsLaterOnTheNextWorkingDay() {
    // 2026-07-01 + 3 months = 2026-10-01 (holiday) -> next working day 2026-10-08
    assertThat(deadlines.replyDueDate(LocalDate.of(2026, 7, 1), 3))
        .isEqualTo(LocalDate.of(2026, 10, 8));
    // month-end: 2026-08-31 + 3 months = 2026-11-30 (Monday)
    assertThat(deadlines.replyDueDate(LocalDate.of(2026, 8, 31), 3))
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void replyDeadlineLongerThanSixMonthsIsRefused() {
    assertThatThrownBy(() -> deadlines.replyDueDate(LocalDate.of(2026, 1, 5), 7))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).fieldErrors())
                    .containsEntry("dueDate", "validation.deadline.months"));
  }

  @Test
  void requestedDueDateMustBeAfterAssignmentAndWithinSixMonths() {
    LocalDate assigned = LocalDate.of(2026, 3, 2);
    assertThat(deadlines.requestedDueDate(assigned, LocalDate.of(2026, 6, 6)))
        .isEqualTo(LocalDate.of(2026, 6, 8)); // Saturday -> Monday
    assertThatThrownBy(() -> deadlines.requestedDueDate(assigned, assigned))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dueDate");
    assertThatThrownBy(() -> deadlines.requestedDueDate(assigned, LocalDate.of(2026, 9, 3)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void remindersAreFifteenAndThreeDaysBeforeButNotInThePast() {
    LocalDate due = LocalDate.of(2026, 12, 31);
    assertThat(deadlines.reminderDates(due, LocalDate.of(2026, 12, 1)))
        .containsExactly(LocalDate.of(2026, 12, 16), LocalDate.of(2026, 12, 28));
    assertThat(deadlines.reminderDates(due, LocalDate.of(2026, 12, 20)))
        .containsExactly(LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 28));
  }

  @Test
  void extensionIsAtMostThreeMonthsLater() {
    LocalDate due = LocalDate.of(2026, 6, 1);
    assertThat(deadlines.extendedDueDate(due, LocalDate.of(2026, 9, 1)))
        .isEqualTo(LocalDate.of(2026, 9, 1));
    assertThatThrownBy(() -> deadlines.extendedDueDate(due, LocalDate.of(2026, 9, 2)))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).fieldErrors())
                    .containsEntry("newDueDate", "validation.extension.tooLong"));
    assertThatThrownBy(() -> deadlines.extendedDueDate(due, due))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void rehandlingGetsOneMonthAndConfiguredRulesApply() {
    assertThat(deadlines.rehandlingDueDate(LocalDate.of(2026, 4, 15)))
        .isEqualTo(LocalDate.of(2026, 5, 15));
    Deadlines custom =
        new Deadlines(
            WorkingDayCalendar.weekdaysOnly(), new DeadlineProperties(10, 2, List.of(7), 1, 2, 6));
    assertThat(custom.signForDueDate(LocalDate.of(2026, 11, 30)))
        .isEqualTo(LocalDate.of(2026, 12, 14));
    assertThat(custom.reminderDates(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 1)))
        .containsExactly(LocalDate.of(2026, 12, 24));
  }

  @Test
  void overdueOnlyAfterTheDueDate() {
    LocalDate due = LocalDate.of(2026, 5, 30);
    assertThat(Deadlines.isOverdue(due, due)).isFalse();
    assertThat(Deadlines.isOverdue(due, due.plusDays(1))).isTrue();
  }
}
