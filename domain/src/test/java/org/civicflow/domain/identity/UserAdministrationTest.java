package org.civicflow.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.department.DepartmentMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts as an administrator keeps them: the password policy, departments for departmental roles,
 * no self-lock-out, audited changes, and the session version that ends signed-in sessions.
 */
@MybatisTest
@Import({
  UserAdministration.class,
  UserManagement.class,
  UserDirectory.class,
  DepartmentDirectory.class,
  AuditLog.class,
  PasswordHashing.class,
  LockoutSettings.class,
  UserAdministrationTest.Clocks.class
})
class UserAdministrationTest {

  static final String PASSWORD = "Secret#2026x";

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired UserAdministration admin;
  @Autowired UserDirectory directory;
  @Autowired DepartmentMapper departments;
  @Autowired AuditLog audit;
  @Autowired PasswordEncoder encoder;
  @Autowired UserManagement management;
  @Autowired SignInLockouts lockouts;
  @Autowired AddressLocks locks;

  @BeforeEach
  void departments() {
    departments.insert(new Department("TJJ", "市统计局", true, 0));
    departments.insert(new Department("SJJ", "市审计局", true, 1));
    departments.insert(new Department("OLD", "已撤销局", false, 2));
  }

  private User handler(String username) {
    return admin.create(
        new NewUser(
            username, "张三", PASSWORD, "TJJ", Set.of(Role.HANDLER), null, null, "0411-1234567"),
        "admin");
  }

  @Test
  void createsWithAPolicyPasswordAndRecordsItWithoutThePassword() {
    handler("tjj.zhang");

    User stored = directory.find("tjj.zhang").orElseThrow();
    assertThat(encoder.matches(PASSWORD, stored.getPasswordHash())).isTrue();
    assertThat(stored.getPhone()).isEqualTo("0411-1234567");
    assertThat(stored.getEmail()).isNull();
    AuditEvent created = audit.forObject("user", "tjj.zhang").get(0);
    assertThat(created.action()).isEqualTo("user.create");
    assertThat(created.detail()).contains("TJJ", "HANDLER").doesNotContain(PASSWORD);
  }

  @Test
  void refusesWeakPasswordsMissingDepartmentsAndBadContactsSavingNothing() {
    assertThatThrownBy(
            () ->
                admin.create(
                    new NewUser(
                        "tjj.li", "李四", "short1!", "", Set.of(Role.HANDLER), null, "no-at", "x"),
                    "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("password", "validation.password.length")
                    .containsEntry("departmentCode", "validation.user.departmentRequired")
                    .containsEntry("email", "validation.user.email")
                    .containsEntry("phone", "validation.user.phone"));
    assertThatThrownBy(
            () ->
                admin.create(
                    new NewUser(
                        "tjj.li", "李四", PASSWORD, "OLD", Set.of(Role.HANDLER), null, null, null),
                    "admin"))
        .isInstanceOf(ValidationException.class);
    assertThat(directory.find("tjj.li")).isEmpty();
    handler("tjj.li");
    assertThatThrownBy(() -> handler("tjj.li")).isInstanceOf(ConflictException.class);
  }

  @Test
  void roleOrDepartmentChangesEndSessionsContactChangesDoNot() {
    handler("tjj.zhang");
    long v0 = directory.sessionVersion("tjj.zhang").orElseThrow();

    admin.update(
        "tjj.zhang",
        new UserAdministration.Edit(
            "张三丰", "TJJ", Set.of(Role.HANDLER), null, "zs@example.org", null),
        "admin");
    assertThat(directory.sessionVersion("tjj.zhang")).hasValue(v0);

    admin.update(
        "tjj.zhang",
        new UserAdministration.Edit(
            "张三丰", "SJJ", EnumSet.of(Role.HANDLER, Role.REVIEWER), null, "zs@example.org", null),
        "admin");
    User u = directory.find("tjj.zhang").orElseThrow();
    assertThat(u.getRoles()).containsExactlyInAnyOrder(Role.HANDLER, Role.REVIEWER);
    assertThat(u.getDepartmentCode()).isEqualTo("SJJ");
    assertThat(u.getPhone()).isNull();
    assertThat(directory.sessionVersion("tjj.zhang").orElseThrow()).isGreaterThan(v0);

    assertThat(audit.forObject("user", "tjj.zhang"))
        .extracting(AuditEvent::action)
        .containsExactly("user.create", "user.update", "user.update");
    assertThat(audit.forObject("user", "tjj.zhang").get(2).detail())
        .contains("department: TJJ → SJJ", "roles: [HANDLER] → [HANDLER, REVIEWER]");
  }

  @Test
  void aDisabledAccountHasNoValidSessionAndAnAdminCannotDisableThemselves() {
    handler("tjj.zhang");
    admin.create(
        new NewUser("boss", "管理员", PASSWORD, null, Set.of(Role.ADMIN), null, null, null), "boss");

    admin.disable("tjj.zhang", "boss");
    assertThat(directory.sessionVersion("tjj.zhang")).isEmpty();
    assertThat(directory.find("tjj.zhang").orElseThrow().isEnabled()).isFalse();
    assertThat(directory.search(null, null, false))
        .extracting(User::getUsername)
        .containsExactly("tjj.zhang");

    assertThatThrownBy(() -> admin.disable("boss", "boss"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("enabled", "validation.user.disableSelf"));
    assertThatThrownBy(
            () ->
                admin.update(
                    "boss",
                    new UserAdministration.Edit(
                        "管理员", null, Set.of(Role.REGISTRAR), null, null, null),
                    "boss"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors()).containsEntry("roles", "validation.user.ownAdminRole"));
    assertThat(directory.find("boss").orElseThrow().isEnabled()).isTrue();

    admin.enable("tjj.zhang", "boss");
    assertThat(directory.sessionVersion("tjj.zhang")).isPresent();
    assertThat(audit.forObject("user", "tjj.zhang"))
        .extracting(AuditEvent::action)
        .containsExactly("user.create", "user.disable", "user.enable");
  }

  @Test
  void aNewPasswordFollowsThePolicyAndEndsSessions() {
    handler("tjj.zhang");
    long v0 = directory.sessionVersion("tjj.zhang").orElseThrow();

    assertThatThrownBy(() -> admin.resetPassword("tjj.zhang", "tjj.zhang#123", "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("password", "validation.password.containsUsername"));
    admin.resetPassword("tjj.zhang", "Another#2027", "admin");

    User u = directory.find("tjj.zhang").orElseThrow();
    assertThat(encoder.matches("Another#2027", u.getPasswordHash())).isTrue();
    assertThat(u.isMustChangePassword()).as("the administrator chose it").isTrue();
    assertThat(directory.sessionVersion("tjj.zhang").orElseThrow()).isGreaterThan(v0);
    assertThat(audit.forObject("user", "tjj.zhang").get(1).action())
        .isEqualTo("user.resetPassword");
  }

  @Test
  void anAccountTheAdministratorCreatesMustChangeItsPasswordAndTheOwnChangeClearsThat() {
    handler("tjj.own");
    assertThat(directory.find("tjj.own").orElseThrow().isMustChangePassword()).isTrue();
    long v0 = directory.sessionVersion("tjj.own").orElseThrow();

    assertThatThrownBy(() -> management.changeOwnPassword("tjj.own", "Wrong#2026x", "Mine#2026abc"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("currentPassword", "validation.password.currentWrong"));
    assertThatThrownBy(() -> management.changeOwnPassword("tjj.own", PASSWORD, PASSWORD))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("newPassword", "validation.password.unchanged"));
    assertThatThrownBy(() -> management.changeOwnPassword("tjj.own", PASSWORD, "short"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("newPassword", "validation.password.length"));
    assertThat(directory.find("tjj.own").orElseThrow().isMustChangePassword()).isTrue();

    management.changeOwnPassword("tjj.own", PASSWORD, "Mine#2026abc");
    User u = directory.find("tjj.own").orElseThrow();
    assertThat(u.isMustChangePassword()).isFalse();
    assertThat(encoder.matches("Mine#2026abc", u.getPasswordHash())).isTrue();
    assertThat(directory.sessionVersion("tjj.own").orElseThrow()).isGreaterThan(v0);
  }

  @Test
  void accountsCreatedOutsideTheAdministratorsActionsNeedNoChange() {
    management.create(
        new NewUser("tjj.sys", "系统", PASSWORD, "TJJ", Set.of(Role.HANDLER), null, null, null),
        false);
    assertThat(directory.find("tjj.sys").orElseThrow().isMustChangePassword()).isFalse();
  }

  @Test
  void unlockLiftsEveryLockedAddressOfTheAccount() {
    handler("tjj.locked");
    for (String address : new String[] {"198.51.100.1", "198.51.100.2"}) {
      for (int i = 0; i < 5; i++) {
        lockouts.failed(lockouts.begin("tjj.locked", address));
      }
    }
    assertThat(locks.activeLocks("tjj.locked"))
        .extracting(AddressLock::address)
        .containsExactly("198.51.100.1", "198.51.100.2");

    admin.unlock("tjj.locked", "admin");
    assertThat(locks.activeLocks("tjj.locked")).isEmpty();
    assertThat(lockouts.begin("tjj.locked", "198.51.100.1").verdict())
        .isEqualTo(SignInLockouts.Verdict.CHECK);
    assertThat(audit.forObject("user", "tjj.locked"))
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("user.unlock");
              assertThat(e.detail()).contains("198.51.100.1", "198.51.100.2");
            });
  }

  @Test
  void filtersByDepartmentRoleAndState() {
    handler("tjj.a");
    admin.create(
        new NewUser("sjj.b", "乙", PASSWORD, "SJJ", Set.of(Role.LEADER), null, null, null), "admin");
    admin.create(
        new NewUser("reg.c", "丙", PASSWORD, null, Set.of(Role.REGISTRAR), null, null, null),
        "admin");

    assertThat(directory.search("TJJ", null, null))
        .extracting(User::getUsername)
        .containsExactly("tjj.a");
    assertThat(directory.search(null, Role.LEADER, true))
        .extracting(User::getUsername)
        .containsExactly("sjj.b");
    assertThat(directory.search("", Role.REGISTRAR, null))
        .singleElement()
        .satisfies(u -> assertThat(u.getRoles()).containsExactly(Role.REGISTRAR));
  }
}
