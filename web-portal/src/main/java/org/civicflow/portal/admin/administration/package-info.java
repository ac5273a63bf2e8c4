/**
 * Administration of departments, users, congress sessions and the holiday calendar: pages and the
 * {@code /api/v1/admin} API, admins only (the security chains), every change in the audit log (the
 * domain's *Administration services).
 */
package org.civicflow.portal.admin.administration;
