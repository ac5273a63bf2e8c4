package org.civicflow.domain.calendar;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the holiday calendar. */
@Mapper
interface HolidayMapper {

  List<Holiday> findBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

  List<Holiday> findAll();

  int insert(Holiday holiday);

  int delete(@Param("date") LocalDate date);
}
