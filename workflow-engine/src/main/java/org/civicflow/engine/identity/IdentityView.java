package org.civicflow.engine.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Builds Camunda's users and groups from our users, departments and roles. */
@Component
class IdentityView {

  private final UserDirectory users;
  private final DepartmentDirectory departments;
  private final PasswordEncoder passwordEncoder;

  IdentityView(UserDirectory users, DepartmentDirectory departments, PasswordEncoder encoder) {
    this.users = users;
    this.departments = departments;
    this.passwordEncoder = encoder;
  }

  List<User> allUsers() {
    return users.all().stream().filter(u -> u.isEnabled()).map(IdentityView::toCamunda).toList();
  }

  Optional<User> user(String username) {
    return users.find(username).filter(u -> u.isEnabled()).map(IdentityView::toCamunda);
  }

  List<String> groupIdsOf(String username) {
    return users
        .find(username)
        .filter(u -> u.isEnabled())
        .map(CamundaGroups::groupIdsOf)
        .orElse(List.of());
  }

  /** Members of a group, as user ids. */
  List<String> membersOf(String groupId) {
    return users.all().stream()
        .filter(u -> u.isEnabled() && CamundaGroups.groupIdsOf(u).contains(groupId))
        .map(org.civicflow.domain.identity.User::getUsername)
        .toList();
  }

  boolean checkPassword(String username, String password) {
    return password != null
        && users
            .find(username)
            .filter(org.civicflow.domain.identity.User::isEnabled)
            .map(u -> passwordEncoder.matches(password, u.getPasswordHash()))
            .orElse(false);
  }

  List<Group> allGroups() {
    List<Group> groups = new ArrayList<>();
    for (Role role : Role.values()) {
      groups.add(group(role.groupId(), role.name(), CamundaGroups.ROLE));
    }
    for (Department d : departments.all()) {
      groups.add(group(d.code(), d.name(), CamundaGroups.DEPARTMENT));
      for (Role role : Role.values()) {
        if (role.isDepartmental()) {
          groups.add(
              group(
                  CamundaGroups.of(d.code(), role),
                  d.name() + " " + role.name(),
                  CamundaGroups.WORKFLOW));
        }
      }
    }
    return groups;
  }

  private static Group group(String id, String name, String type) {
    GroupEntity g = new GroupEntity(id);
    g.setName(name);
    g.setType(type);
    return g;
  }

  private static User toCamunda(org.civicflow.domain.identity.User u) {
    UserEntity e = new UserEntity(u.getUsername());
    e.setFirstName(u.getDisplayName());
    e.setLastName("");
    e.setEmail(u.getEmail());
    return e;
  }
}
