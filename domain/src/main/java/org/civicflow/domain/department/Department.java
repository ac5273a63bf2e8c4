package org.civicflow.domain.department;

/**
 * A handling department (承办单位).
 *
 * @param code short upper-case code, e.g. {@code SCJG}; also the Camunda group of the department
 * @param name full name, e.g. 市场监督管理局
 */
public record Department(String code, String name, boolean enabled, int sortOrder) {}
