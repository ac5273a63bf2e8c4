package org.civicflow.domain.department;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.FreshCopy;
import org.civicflow.domain.common.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up and maintains the departments.
 *
 * <p>The departments are read on almost every step (assignment checks, notices, reply signing,
 * proposal pages) and change a few times a year, so the directory keeps a copy: a change made on
 * this node ({@link DepartmentChanged}, or {@link #create}) is seen at once, one made on another
 * node within {@link #FRESH_FOR}; a code the copy does not know is always looked up again.
 */
@Service
public class DepartmentDirectory {

  /** Codes become Camunda group ids and parts of URLs: keep them plain. */
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

  /** How long the copy is trusted before it is read again. */
  static final Duration FRESH_FOR = Duration.ofSeconds(30);

  private final DepartmentMapper departments;
  private final FreshCopy<Copy> copy;

  /** The departments as read at one moment, in list order and by code. */
  private record Copy(List<Department> all, Map<String, Department> byCode) {}

  DepartmentDirectory(DepartmentMapper departments) {
    this.departments = departments;
    this.copy = new FreshCopy<>(FRESH_FOR, this::readAll);
  }

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public List<Department> all() {
    return copy.get().all();
  }

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Department get(String code) {
    Department department = find(code);
    if (department == null) {
      throw new NotFoundException("department", code);
    }
    return department;
  }

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public boolean exists(String code) {
    if (code == null) {
      return false;
    }
    Department department = find(code);
    return department != null && department.enabled();
  }

  /**
   * A department changed on this node: read them again now (the changing transaction sees its
   * change) and once more when that transaction has ended (a rollback leaves no trace).
   */
  @EventListener
  void changed(DepartmentChanged event) {
    copy.forgetAfterCompletion();
  }

  private Department find(String code) {
    Department department = copy.get().byCode().get(code);
    return department != null ? department : copy.read().byCode().get(code);
  }

  private Copy readAll() {
    List<Department> all = List.copyOf(departments.findAll());
    Map<String, Department> byCode = new HashMap<>();
    all.forEach(d -> byCode.put(d.code(), d));
    return new Copy(all, Map.copyOf(byCode));
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
    copy.forgetAfterCompletion();
    return stored;
  }
}
