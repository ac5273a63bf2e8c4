package org.civicflow.portal.admin.administration;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.identity.AddressLock;
import org.civicflow.domain.identity.AddressLocks;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserAdministration;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.engine.identity.AccountDeactivation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/users}: list (filter {@code department, role, enabled}), one account, add,
 * change, disable (releases the account's claimed tasks), enable, new password, unlock (lifts every
 * sign-in lockout of the account early). Admins only; never a password or its hash in an answer.
 * Each account shows the addresses from which its sign-ins are locked now, and until when.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
class UserApiController {

  /** An account as the API shows it. */
  record UserView(
      String username,
      String displayName,
      String departmentCode,
      Set<Role> roles,
      String delegation,
      String email,
      String phone,
      boolean enabled,
      boolean locked,
      List<LockedAddress> lockedAddresses,
      boolean mustChangePassword,
      Instant createdAt,
      Instant passwordChangedAt) {

    static UserView of(User u, List<AddressLock> locks) {
      return new UserView(
          u.getUsername(),
          u.getDisplayName(),
          u.getDepartmentCode(),
          new TreeSet<>(u.getRoles()),
          u.getDelegation(),
          u.getEmail(),
          u.getPhone(),
          u.isEnabled(),
          !locks.isEmpty(),
          locks.stream().map(l -> new LockedAddress(l.address(), l.until())).toList(),
          u.isMustChangePassword(),
          u.getCreatedAt(),
          u.getPasswordChangedAt());
    }
  }

  /** An address from which the account's sign-ins are locked, and when the lock ends. */
  record LockedAddress(String address, Instant until) {}

  /** A new password. */
  record NewPassword(String password) {
    @Override
    public String toString() {
      return "NewPassword[***]";
    }
  }

  private final UserDirectory directory;
  private final UserAdministration admin;
  private final AccountDeactivation deactivation;
  private final AddressLocks lockouts;

  UserApiController(
      UserDirectory directory,
      UserAdministration admin,
      AccountDeactivation deactivation,
      AddressLocks lockouts) {
    this.directory = directory;
    this.admin = admin;
    this.deactivation = deactivation;
    this.lockouts = lockouts;
  }

  @GetMapping
  Map<String, List<UserView>> list(
      @RequestParam(required = false) String department,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) Boolean enabled) {
    Map<String, List<AddressLock>> locks =
        lockouts.activeLocks().stream().collect(Collectors.groupingBy(AddressLock::username));
    return Map.of(
        "items",
        directory.search(department, role, enabled).stream()
            .map(u -> UserView.of(u, locks.getOrDefault(u.getUsername(), List.of())))
            .toList());
  }

  @GetMapping("/{username}")
  UserView get(@PathVariable String username) {
    return view(username);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  UserView create(@RequestBody NewUser body, Principal principal) {
    return view(admin.create(body, principal.getName()).getUsername());
  }

  @PutMapping("/{username}")
  UserView update(
      @PathVariable String username,
      @RequestBody UserAdministration.Edit body,
      Principal principal) {
    return view(admin.update(username, body, principal.getName()).getUsername());
  }

  @PostMapping("/{username}/disable")
  Map<String, Object> disable(@PathVariable String username, Principal principal) {
    user(username);
    int released = deactivation.disable(username, principal.getName());
    return Map.of("username", username, "enabled", false, "releasedTasks", released);
  }

  @PostMapping("/{username}/enable")
  UserView enable(@PathVariable String username, Principal principal) {
    admin.enable(username, principal.getName());
    return view(username);
  }

  @PostMapping("/{username}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resetPassword(
      @PathVariable String username, @RequestBody NewPassword body, Principal principal) {
    admin.resetPassword(username, body.password(), principal.getName());
  }

  @PostMapping("/{username}/unlock")
  UserView unlock(@PathVariable String username, Principal principal) {
    admin.unlock(username, principal.getName());
    return view(username);
  }

  private UserView view(String username) {
    return UserView.of(user(username), lockouts.activeLocks(username));
  }

  private User user(String username) {
    return directory.find(username).orElseThrow(() -> new NotFoundException("user", username));
  }
}
