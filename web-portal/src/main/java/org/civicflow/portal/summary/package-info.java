/**
 * The year's handling summary (办理工作总体情况): the registrar's API and pages, the public ones,
 * downloads.
 */
package org.civicflow.portal.summary;
