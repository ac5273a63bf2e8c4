package org.civicflow.domain.setting;

import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the run-time settings. */
@Mapper
interface SettingMapper {

  Optional<Setting> find(@Param("name") String name);

  /** Changes a stored setting; 0 when there is no row of that name. */
  int update(Setting setting);

  int insert(Setting setting);
}
