package org.civicflow.domain.department;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of departments. */
@Mapper
public interface DepartmentMapper {

  Optional<Department> findByCode(@Param("code") String code);

  Optional<Department> findByName(@Param("name") String name);

  List<Department> findAll();

  List<Department> findByCodes(@Param("codes") List<String> codes);

  int insert(Department department);

  int update(Department department);
}
