/**
 * Statistics of a session for the registrar's office (统计): counts by status, department, category
 * and delegation, the on-time and satisfaction rates, overdue and key items, all read live.
 */
package org.civicflow.domain.statistics;
