package org.civicflow.domain.resultcategory;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the result categories and of the switches of the set in use. */
@Mapper
interface ResultCategoryMapper {

  /** Every category of every set. */
  List<ResultCategory> all();

  List<ResultCategory> ofSet(@Param("set") String set);

  List<CategorySwitch> switches();

  int insertSwitch(CategorySwitch s);

  /** Changes the labels, description and commitment rule of one category; 0 when there is none. */
  int update(ResultCategory c);
}
