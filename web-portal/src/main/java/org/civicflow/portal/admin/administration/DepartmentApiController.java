package org.civicflow.portal.admin.administration;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentAdministration;
import org.civicflow.domain.department.DepartmentDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/departments}: list, add ({@code {code, name, sortOrder, enabled}}), change
 * ({@code {name, sortOrder, enabled}}, omitted fields stay as they are). Admins only.
 */
@RestController
@RequestMapping("/api/v1/admin/departments")
class DepartmentApiController {

  /** A new department. */
  record NewDepartment(String code, String name, Integer sortOrder, Boolean enabled) {}

  private final DepartmentDirectory directory;
  private final DepartmentAdministration admin;

  DepartmentApiController(DepartmentDirectory directory, DepartmentAdministration admin) {
    this.directory = directory;
    this.admin = admin;
  }

  @GetMapping
  Map<String, List<Department>> list() {
    return Map.of("items", directory.all());
  }

  @GetMapping("/{code}")
  Department get(@PathVariable String code) {
    return directory.get(code);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Department create(@RequestBody NewDepartment body, Principal principal) {
    return admin.create(
        new Department(
            body.code() == null ? null : body.code().strip(),
            body.name(),
            body.enabled() == null || body.enabled(),
            body.sortOrder() == null ? 0 : body.sortOrder()),
        principal.getName());
  }

  @PutMapping("/{code}")
  Department update(
      @PathVariable String code,
      @RequestBody DepartmentAdministration.Edit body,
      Principal principal) {
    return admin.update(code, body, principal.getName());
  }
}
