package org.civicflow.domain.department;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with departments: add them, rename and reorder them, take them out of
 * use and back. The code never changes (it is the Camunda group and is stored on every assignment).
 * Every change is in the audit log with what changed.
 */
@Service
public class DepartmentAdministration {

  /** The highest position in lists; positions are small numbers an admin types. */
  public static final int MAX_SORT_ORDER = 9999;

  /**
   * A change to a department; {@code null} leaves a value as it is.
   *
   * @param name the full name, unique
   * @param sortOrder the position in lists, 0 to {@value #MAX_SORT_ORDER}
   * @param enabled whether new assignments and accounts may name it
   */
  public record Edit(String name, Integer sortOrder, Boolean enabled) {}

  private final DepartmentDirectory directory;
  private final DepartmentMapper departments;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  DepartmentAdministration(
      DepartmentDirectory directory,
      DepartmentMapper departments,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.directory = directory;
    this.departments = departments;
    this.audit = audit;
    this.events = events;
  }

  /** Adds a department (code and name unique) and records who did. */
  @Transactional
  public Department create(Department department, String actor) {
    checkSortOrder(department.sortOrder(), new FieldErrors()).throwIfAny();
    Department stored = directory.create(department);
    audit.record(
        actor,
        "department.create",
        "department",
        stored.code(),
        "name="
            + stored.name()
            + "; sortOrder="
            + stored.sortOrder()
            + "; enabled="
            + stored.enabled());
    events.publishEvent(new DepartmentChanged(stored.code()));
    return stored;
  }

  /** Changes name, position or use of a department; records each value that changed. */
  @Transactional
  public Department update(String code, Edit edit, String actor) {
    Department current = directory.get(code);
    FieldErrors errors = new FieldErrors();
    if (edit.name() != null) {
      errors.required("name", edit.name()).maxLength("name", edit.name(), FieldErrors.SHORT_TEXT);
    }
    checkSortOrder(edit.sortOrder(), errors).throwIfAny();
    Department changed =
        new Department(
            code,
            edit.name() == null ? current.name() : edit.name().strip(),
            edit.enabled() == null ? current.enabled() : edit.enabled(),
            edit.sortOrder() == null ? current.sortOrder() : edit.sortOrder());
    if (!changed.name().equals(current.name())
        && departments.findByName(changed.name()).filter(d -> !d.code().equals(code)).isPresent()) {
      throw new ConflictException("department.duplicateName", changed.name());
    }
    List<String> changes = new ArrayList<>();
    diff(changes, "name", current.name(), changed.name());
    diff(changes, "sortOrder", current.sortOrder(), changed.sortOrder());
    diff(changes, "enabled", current.enabled(), changed.enabled());
    if (changes.isEmpty()) {
      return current;
    }
    departments.update(changed);
    String action =
        changes.size() == 1 && current.enabled() != changed.enabled()
            ? (changed.enabled() ? "department.enable" : "department.disable")
            : "department.update";
    audit.record(actor, action, "department", code, String.join("; ", changes));
    events.publishEvent(new DepartmentChanged(code));
    return changed;
  }

  /** Takes a department out of use, or back: a disabled one gets no new assignments or accounts. */
  @Transactional
  public Department setEnabled(String code, boolean enabled, String actor) {
    return update(code, new Edit(null, null, enabled), actor);
  }

  private static FieldErrors checkSortOrder(Integer sortOrder, FieldErrors errors) {
    return errors.check(
        sortOrder == null || (sortOrder >= 0 && sortOrder <= MAX_SORT_ORDER),
        "sortOrder",
        "validation.department.sortOrder");
  }

  static void diff(List<String> changes, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(field + ": " + before + " → " + after);
    }
  }
}
