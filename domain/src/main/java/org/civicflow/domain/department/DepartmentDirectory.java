package org.civicflow.domain.department;

import java.util.List;
import java.util.regex.Pattern;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up and maintains the departments. */
@Service
public class DepartmentDirectory {

  /** Codes become Camunda group ids and parts of URLs: keep them plain. */
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

  private final DepartmentMapper departments;

  DepartmentDirectory(DepartmentMapper departments) {
    this.departments = departments;
  }

  @Transactional(readOnly = true)
  public List<Department> all() {
    return departments.findAll();
  }

  @Transactional(readOnly = true)
  public Department get(String code) {
    return departments
        .findByCode(code)
        .orElseThrow(() -> new NotFoundException("department", code));
  }

  @Transactional(readOnly = true)
  public boolean exists(String code) {
    return code != null && departments.findByCode(code).filter(Department::enabled).isPresent();
  }

  /** Adds a department after checking its code and name. */
  @Transactional
  public Department create(Department department) {
    new FieldErrors()
        .required("code", department.code())
        .check(
            department.code() == null || CODE.matcher(department.code()).matches(),
            "code",
            "validation.department.code")
        .required("name", department.name())
        .maxLength("name", department.name(), FieldErrors.SHORT_TEXT)
        .throwIfAny();
    if (departments.findByCode(department.code()).isPresent()) {
      throw new ConflictException("department.duplicate", department.code());
    }
    Department stored =
        new Department(
            department.code(),
            department.name().strip(),
            department.enabled(),
            department.sortOrder());
    if (departments.findByName(stored.name()).isPresent()) {
      throw new ConflictException("department.duplicateName", stored.name());
    }
    departments.insert(stored);
    return stored;
  }
}
