/** The departments (承办单位) that handle proposals. */
package org.civicflow.domain.department;
