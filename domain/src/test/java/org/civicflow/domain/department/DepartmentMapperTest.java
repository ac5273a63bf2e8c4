package org.civicflow.domain.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MybatisTest
class DepartmentMapperTest {

  @Autowired DepartmentMapper departments;

  @Test
  void insertsFindsAndUpdates() {
    departments.insert(new Department("TSTA", "测试局甲", true, 5));
    departments.insert(new Department("TSTB", "测试局乙", true, 1));

    assertThat(departments.findByCode("TSTA")).contains(new Department("TSTA", "测试局甲", true, 5));
    assertThat(departments.findByCodes(List.of("TSTA", "TSTB")))
        .extracting(Department::code)
        .containsExactly("TSTB", "TSTA");

    departments.update(new Department("TSTA", "测试局甲(新)", false, 5));
    assertThat(departments.findByCode("TSTA"))
        .get()
        .extracting(Department::name, Department::enabled)
        .containsExactly("测试局甲(新)", false);
    assertThat(departments.findByCode("NONE")).isEmpty();
  }

  @Test
  void codesAndNamesAreUnique() {
    departments.insert(new Department("TSTC", "测试局丙", true, 0));
    assertThatThrownBy(() -> departments.insert(new Department("TSTC", "别的名字", true, 0)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> departments.insert(new Department("TSTD", "测试局丙", true, 0)))
        .isInstanceOf(DuplicateKeyException.class);
  }
}
