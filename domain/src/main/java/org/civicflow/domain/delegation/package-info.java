/** Delegations of a congress (代表团) and sectors of a CPPCC (界别) that proposals come from. */
package org.civicflow.domain.delegation;
