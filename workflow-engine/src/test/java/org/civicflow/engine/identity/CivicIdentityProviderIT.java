package org.civicflow.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserAdministration;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Camunda's users and groups are our users, departments and roles, read-only. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CivicIdentityProviderIT {

  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired DepartmentDirectory departments;
  @Autowired UserManagement userManagement;
  @Autowired UserAdministration userAdministration;
  @Autowired UserDirectory users;

  @BeforeAll
  void people() {
    if (users.find("idt.handler").isPresent()) {
      return;
    }
    if (!departments.exists("IDT")) {
      departments.create(new Department("IDT", "身份测试局", true, 0));
    }
    userManagement.create(
        new NewUser(
            "idt.handler",
            "张承办",
            "Demo@12345",
            "IDT",
            EnumSet.of(Role.HANDLER),
            null,
            "zhang@example.org",
            null),
        true);
    userManagement.create(
        new NewUser(
            "idt.leader", "李领导", "Demo@12345", "IDT", EnumSet.of(Role.LEADER), null, null, null),
        true);
    userManagement.create(
        new NewUser(
            "idt.off", "王停用", "Demo@12345", "IDT", EnumSet.of(Role.HANDLER), null, null, null),
        true);
    userAdministration.disable("idt.off", "admin");
  }

  @Test
  void usersAreOurs() {
    User u = identity.createUserQuery().userId("idt.handler").singleResult();
    assertThat(u.getFirstName()).isEqualTo("张承办");
    assertThat(u.getEmail()).isEqualTo("zhang@example.org");
    assertThat(identity.createUserQuery().userFirstNameLike("张%").list())
        .extracting(User::getId)
        .contains("idt.handler");
    assertThat(identity.createUserQuery().userId("nobody").count()).isZero();
  }

  @Test
  void departmentRoleGroupsAreTheTaskCandidates() {
    assertThat(identity.createUserQuery().memberOfGroup("IDT-handler").list())
        .extracting(User::getId)
        .containsExactly("idt.handler");
    assertThat(identity.createGroupQuery().groupMember("idt.leader").list())
        .extracting(Group::getId)
        .containsExactlyInAnyOrder("leader", "IDT", "IDT-leader");
    assertThat(identity.createGroupQuery().groupId("IDT").singleResult().getName())
        .isEqualTo("身份测试局");
    assertThat(identity.createGroupQuery().groupType(CamundaGroups.ROLE).count())
        .isEqualTo(Role.values().length);
  }

  @Test
  void disabledUsersDisappearAndCannotSignIn() {
    assertThat(identity.createUserQuery().userId("idt.off").count()).isZero();
    assertThat(identity.checkPassword("idt.off", "Demo@12345")).isFalse();
    assertThat(identity.checkPassword("idt.handler", "Demo@12345")).isTrue();
  }

  @Test
  void identityIsReadOnlyForTheEngine() {
    assertThat(identity.isReadOnly()).isTrue();
    assertThatThrownBy(() -> identity.newUser("x")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void engineRunsWithAuthorizationAndWithoutExpressionsInQueries() {
    var c = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engineConfiguration;
    assertThat(c.isAuthorizationEnabled()).isTrue();
    assertThat(c.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(c.isEnableExpressionsInStoredQueries()).isFalse();
    assertThat(c.isCmmnEnabled()).isFalse();
    assertThat(c.isStandaloneTasksEnabled()).isFalse();
    assertThat(c.isJdbcBatchProcessing()).isTrue();
    assertThat(c.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(c.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
  }
}
