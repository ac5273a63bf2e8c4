package org.civicflow.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Component;

/** People, departments and a session for engine tests, created once per database. */
@Component
public class EngineFixtures {

  public static final String SESSION = "引擎测试会议";

  private final DepartmentDirectory departments;
  private final UserManagement userManagement;
  private final UserDirectory users;
  private final SessionCatalog sessions;

  EngineFixtures(
      DepartmentDirectory departments,
      UserManagement userManagement,
      UserDirectory users,
      SessionCatalog sessions) {
    this.departments = departments;
    this.userManagement = userManagement;
    this.users = users;
    this.sessions = sessions;
  }

  public void department(String code, String name) {
    if (!departments.exists(code)) {
      departments.create(new Department(code, name, true, 0));
    }
  }

  public Caller user(String username, String department, Role... roles) {
    if (users.find(username).isEmpty()) {
      userManagement.create(
          new NewUser(
              username,
              username,
              "Demo@12345",
              department,
              EnumSet.copyOf(List.of(roles)),
              null,
              null,
              null),
          true);
    }
    return Caller.of(users.find(username).orElseThrow());
  }

  public void session() {
    if (sessions.findByName(SESSION).isEmpty()) {
      sessions.create(Session.of(SESSION, SessionKind.NPC, LocalDate.of(2022, 1, 6)));
    }
  }

  public static NewProposal proposal(String number, String title) {
    return new NewProposal(
        SESSION,
        number,
        ProposalType.SUGGESTION,
        title,
        "内容",
        "城建",
        "代表",
        null,
        List.of(),
        "代表团",
        Instant.now().minusSeconds(3600));
  }

  public static Set<Role> roles(Role... roles) {
    return EnumSet.copyOf(List.of(roles));
  }
}
