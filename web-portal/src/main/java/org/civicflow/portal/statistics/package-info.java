/**
 * Statistics of a session for registrars and admins: the page with charts and tables, {@code GET
 * /api/v1/stats}, and the spreadsheet export.
 */
package org.civicflow.portal.statistics;
