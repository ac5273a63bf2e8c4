package org.civicflow.domain.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Departments as an administrator keeps them: unique code and name, audited changes. */
@MybatisTest
@Import({
  DepartmentAdministration.class,
  DepartmentDirectory.class,
  AuditLog.class,
  DepartmentAdministrationTest.Clocks.class
})
class DepartmentAdministrationTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired DepartmentAdministration admin;
  @Autowired DepartmentDirectory directory;
  @Autowired AuditLog audit;
  @Autowired DepartmentMapper departments;

  @Test
  void createsAndRecordsWhoDid() {
    admin.create(new Department("TJJ", " 市统计局 ", true, 60), "admin");

    assertThat(directory.get("TJJ").name()).isEqualTo("市统计局");
    assertThat(audit.forObject("department", "TJJ"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("admin");
              assertThat(e.action()).isEqualTo("department.create");
              assertThat(e.detail()).contains("市统计局");
            });
  }

  @Test
  void refusesABadCodeADuplicateCodeOrNameAndABadPosition() {
    admin.create(new Department("TJJ", "市统计局", true, 0), "admin");

    assertThatThrownBy(() -> admin.create(new Department("tj-1", "某局", true, 0), "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsEntry("code", "validation.department.code"));
    assertThatThrownBy(() -> admin.create(new Department("TJJ", "另一个局", true, 0), "admin"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("department.duplicate");
    assertThatThrownBy(() -> admin.create(new Department("TJJ2", "市统计局", true, 0), "admin"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("department.duplicateName");
    assertThatThrownBy(() -> admin.create(new Department("TJJ3", "某局", true, -1), "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("sortOrder"));
    assertThat(directory.all()).extracting(Department::code).doesNotContain("TJJ2", "TJJ3");
  }

  @Test
  void editsRecordWhatChangedAndDisablingTakesTheDepartmentOutOfUse() {
    admin.create(new Department("TJJ", "市统计局", true, 0), "admin");
    admin.create(new Department("SJJ", "市审计局", true, 0), "admin");

    admin.update("TJJ", new DepartmentAdministration.Edit("市统计局(新)", 5, null), "admin");
    assertThat(directory.get("TJJ")).isEqualTo(new Department("TJJ", "市统计局(新)", true, 5));

    assertThatThrownBy(
            () ->
                admin.update("TJJ", new DepartmentAdministration.Edit("市审计局", null, null), "admin"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () -> admin.update("TJJ", new DepartmentAdministration.Edit(" ", null, null), "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("name"));

    admin.setEnabled("TJJ", false, "admin");
    assertThat(directory.exists("TJJ")).isFalse();
    // nothing changed: nothing recorded
    admin.setEnabled("TJJ", false, "admin");

    assertThat(audit.forObject("department", "TJJ"))
        .extracting(AuditEvent::action)
        .containsExactly("department.create", "department.update", "department.disable");
    assertThat(audit.forObject("department", "TJJ").get(1).detail())
        .contains("name: 市统计局 → 市统计局(新)", "sortOrder: 0 → 5");
  }

  @Test
  void theDirectoryKeepsACopyThatFollowsChangesAndLooksUpCodesItDoesNotKnow() {
    admin.create(new Department("TJJ", "市统计局", true, 0), "admin");
    assertThat(directory.all()).extracting(Department::code).contains("TJJ");

    // added behind the directory's back (another node): found when asked for
    departments.insert(new Department("QTJ", "其他局", true, 9));
    assertThat(directory.exists("QTJ")).isTrue();
    assertThat(directory.get("QTJ").name()).isEqualTo("其他局");
    assertThat(directory.all()).extracting(Department::code).contains("QTJ");

    // changed here: seen at once
    admin.update("TJJ", new DepartmentAdministration.Edit("市统计局(新)", null, false), "admin");
    assertThat(directory.get("TJJ").name()).isEqualTo("市统计局(新)");
    assertThat(directory.exists("TJJ")).isFalse();
    assertThat(directory.exists("NOPE")).isFalse();
    assertThat(directory.exists(null)).isFalse();
  }
}
