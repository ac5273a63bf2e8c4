package org.civicflow.portal.admin.administration;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.AddressLock;
import org.civicflow.domain.identity.AddressLocks;
import org.civicflow.domain.identity.NewUser;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserAdministration;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.engine.identity.AccountDeactivation;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts: a filtered list, a form for a new account, and a page per account to change its
 * details and roles, disable or enable it, set a new password and lift its sign-in lockouts early.
 * The list and the page show the addresses from which an account's sign-ins are locked, and until
 * when.
 */
@Controller
class UserPagesController {

  private static final List<String> PROFILE =
      List.of("username", "displayName", "departmentCode", "delegation", "email", "phone");

  private final UserDirectory directory;
  private final UserAdministration admin;
  private final AccountDeactivation deactivation;
  private final DepartmentDirectory departments;
  private final AuditLog audit;
  private final Flash flash;
  private final AddressLocks lockouts;

  UserPagesController(
      UserDirectory directory,
      UserAdministration admin,
      AccountDeactivation deactivation,
      DepartmentDirectory departments,
      AuditLog audit,
      Flash flash,
      AddressLocks lockouts) {
    this.directory = directory;
    this.admin = admin;
    this.deactivation = deactivation;
    this.departments = departments;
    this.audit = audit;
    this.flash = flash;
    this.lockouts = lockouts;
  }

  @GetMapping("/admin/users")
  String list(
      @RequestParam(required = false) String department,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) Boolean enabled,
      Model model) {
    model.addAttribute("users", directory.search(department, role, enabled));
    model.addAttribute(
        "locks",
        lockouts.activeLocks().stream().collect(Collectors.groupingBy(AddressLock::username)));
    model.addAttribute("filter", new Filter(department, role, enabled));
    model.addAttribute("departments", departments.all());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }

  /** The list's criteria as the page shows them. */
  record Filter(String department, Role role, Boolean enabled) {}

  @GetMapping("/admin/users/new")
  String newUser(Model model) {
    return form(model, null, AdminForm.of(Map.of("roles", List.of())));
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam MultiValueMap<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Map<String, Object> values = values(form);
    try {
      FieldErrors errors = new FieldErrors();
      Set<Role> roles = FormInput.roles(form.get("roles"), errors);
      errors.throwIfAny();
      User user =
          admin.create(
              new NewUser(
                  form.getFirst("username"),
                  form.getFirst("displayName"),
                  form.getFirst("password"),
                  form.getFirst("departmentCode"),
                  roles,
                  form.getFirst("delegation"),
                  form.getFirst("email"),
                  form.getFirst("phone")),
              principal.getName());
      flash.ok(redirect, "admin.flash.userCreated", user.getUsername());
      return "redirect:/admin/users/" + user.getUsername();
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      return form(model, null, AdminForm.of(values).refused(e, flash));
    }
  }

  @GetMapping("/admin/users/{username}")
  String show(@PathVariable String username, Model model) {
    User u = user(username);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("displayName", u.getDisplayName());
    values.put("departmentCode", u.getDepartmentCode());
    values.put("delegation", u.getDelegation());
    values.put("email", u.getEmail());
    values.put("phone", u.getPhone());
    values.put("roles", u.getRoles().stream().map(Role::name).toList());
    return form(model, u, AdminForm.of(values));
  }

  @PostMapping("/admin/users/{username}")
  String update(
      @PathVariable String username,
      @RequestParam MultiValueMap<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    User u = user(username);
    try {
      FieldErrors errors = new FieldErrors();
      Set<Role> roles = FormInput.roles(form.get("roles"), errors);
      errors.throwIfAny();
      admin.update(
          username,
          new UserAdministration.Edit(
              form.getFirst("displayName"),
              form.getFirst("departmentCode"),
              roles,
              form.getFirst("delegation"),
              form.getFirst("email"),
              form.getFirst("phone")),
          principal.getName());
      flash.ok(redirect, "admin.flash.saved");
      return "redirect:/admin/users/" + username;
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      return form(model, u, AdminForm.of(values(form)).refused(e, flash));
    }
  }

  @PostMapping("/admin/users/{username}/enabled")
  String setEnabled(
      @PathVariable String username,
      @RequestParam boolean enabled,
      Principal principal,
      RedirectAttributes redirect) {
    user(username);
    try {
      if (enabled) {
        admin.enable(username, principal.getName());
        flash.ok(redirect, "admin.flash.userEnabled", username);
      } else {
        int released = deactivation.disable(username, principal.getName());
        flash.ok(redirect, "admin.flash.userDisabled", username, released);
      }
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/admin/users/" + username;
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(
      @PathVariable String username,
      @RequestParam(required = false) String password,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    User u = user(username);
    try {
      admin.resetPassword(username, password, principal.getName());
      flash.ok(redirect, "admin.flash.passwordReset", username);
      return "redirect:/admin/users/" + username;
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      model.addAttribute("passwordForm", AdminForm.empty().refused(e, flash));
      return show(username, model);
    }
  }

  @PostMapping("/admin/users/{username}/unlock")
  String unlock(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
    admin.unlock(username, principal.getName());
    flash.ok(redirect, "admin.flash.userUnlocked", username);
    return "redirect:/admin/users/" + username;
  }

  private String form(Model model, User user, AdminForm form) {
    model.addAttribute("user", user);
    model.addAttribute(
        "locks", user == null ? List.of() : lockouts.activeLocks(user.getUsername()));
    model.addAttribute("form", form);
    if (!model.containsAttribute("passwordForm")) {
      model.addAttribute("passwordForm", AdminForm.empty());
    }
    model.addAttribute("departments", departments.all());
    model.addAttribute("roles", Role.values());
    model.addAttribute(
        "history", user == null ? List.of() : audit.forObject("user", user.getUsername()));
    return "admin/user";
  }

  private User user(String username) {
    return directory.find(username).orElseThrow(() -> new NotFoundException("user", username));
  }

  /** What was entered, to show again; never the password. */
  private static Map<String, Object> values(MultiValueMap<String, String> form) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : PROFILE) {
      values.put(name, form.getFirst(name));
    }
    List<String> roles = form.get("roles");
    values.put("roles", roles == null ? List.of() : new ArrayList<>(roles));
    return values;
  }
}
