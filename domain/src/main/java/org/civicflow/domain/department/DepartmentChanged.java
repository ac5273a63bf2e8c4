package org.civicflow.domain.department;

/**
 * A department was added or changed (name, position, use): caches of department names drop it.
 *
 * @param code the department's code
 */
public record DepartmentChanged(String code) {}
