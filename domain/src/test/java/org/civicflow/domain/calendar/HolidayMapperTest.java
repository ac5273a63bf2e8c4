package org.civicflow.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;

@MybatisTest
class HolidayMapperTest {

  @Autowired HolidayMapper holidays;

  @Test
  void storesAndFindsHolidaysInARange() {
    holidays.insert(new Holiday(LocalDate.of(2031, 10, 1), DayKind.HOLIDAY, "国庆节"));
    holidays.insert(new Holiday(LocalDate.of(2031, 10, 11), DayKind.WORKDAY, "调休"));
    holidays.insert(new Holiday(LocalDate.of(2031, 12, 31), DayKind.HOLIDAY, "测试"));

    assertThat(holidays.findBetween(LocalDate.of(2031, 10, 1), LocalDate.of(2031, 10, 31)))
        .containsExactly(
            new Holiday(LocalDate.of(2031, 10, 1), DayKind.HOLIDAY, "国庆节"),
            new Holiday(LocalDate.of(2031, 10, 11), DayKind.WORKDAY, "调休"));

    holidays.delete(LocalDate.of(2031, 10, 1));
    assertThat(holidays.findBetween(LocalDate.of(2031, 10, 1), LocalDate.of(2031, 10, 1)))
        .isEmpty();
  }
}
