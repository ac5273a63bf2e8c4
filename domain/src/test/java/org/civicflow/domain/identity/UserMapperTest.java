package org.civicflow.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.civicflow.domain.TestRecords;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentMapper;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;

@MybatisTest
class UserMapperTest {

  @Autowired UserMapper users;
  @Autowired DepartmentMapper departments;

  private User store(String username, String department, Role... roles) {
    User u =
        new User(
            username,
            "测试" + username,
            "$2a$10$hash",
            department,
            EnumSet.copyOf(List.of(roles)),
            Instant.parse("2026-11-01T00:00:00Z"));
    u.setEmail(username + "@example.org");
    users.insert(u);
    for (Role r : u.getRoles()) {
      users.insertRole(u.getId(), r);
    }
    return u;
  }

  @Test
  void storesUsersWithTheirRoles() {
    Department d = TestRecords.department(departments, "测试局");
    store("t.reviewer", d.code(), Role.REVIEWER, Role.HANDLER);

    User found = users.findByUsername("t.reviewer").orElseThrow();
    assertThat(found.getRoles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.HANDLER);
    assertThat(found.getDepartmentCode()).isEqualTo(d.code());
    assertThat(found.getEmail()).isEqualTo("t.reviewer@example.org");
    assertThat(found.getCreatedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(found.isEnabled()).isTrue();
  }

  @Test
  void findsByRoleAndDepartment() {
    Department a = TestRecords.department(departments, "甲局");
    Department b = TestRecords.department(departments, "乙局");
    store("t.a.handler", a.code(), Role.HANDLER);
    store("t.b.handler", b.code(), Role.HANDLER);
    store("t.a.leader", a.code(), Role.LEADER);

    assertThat(users.findByRole(Role.HANDLER, a.code()))
        .extracting(User::getUsername)
        .containsExactly("t.a.handler");
    assertThat(users.findByRole(Role.HANDLER, null))
        .extracting(User::getUsername)
        .contains("t.a.handler", "t.b.handler")
        .doesNotContain("t.a.leader");
    // every role of a found user is loaded, not only the one searched for
    assertThat(users.findByUsernames(List.of("t.a.leader", "t.b.handler"))).hasSize(2);
  }

  @Test
  void disablesAndChangesPassword() {
    store("t.admin", null, Role.ADMIN);
    assertThat(users.updateEnabled("t.admin", false)).isEqualTo(1);
    assertThat(
            users.updatePasswordHash(
                "t.admin", "$2a$10$new", Instant.parse("2026-11-02T00:00:00Z"), true))
        .isEqualTo(1);
    User u = users.findByUsername("t.admin").orElseThrow();
    assertThat(u.isEnabled()).isFalse();
    assertThat(u.getPasswordHash()).isEqualTo("$2a$10$new");
    assertThat(u.isMustChangePassword()).isTrue();
    users.updatePasswordHash("t.admin", "$2a$10$own", Instant.parse("2026-11-03T00:00:00Z"), false);
    assertThat(users.findByUsername("t.admin").orElseThrow().isMustChangePassword()).isFalse();
    assertThat(users.updateEnabled("nobody", false)).isZero();
  }
}
