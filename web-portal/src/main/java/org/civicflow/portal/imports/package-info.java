/**
 * Bulk import for registrars: the import API of the contract, the upload, preview and progress
 * pages, the templates to download, and the schedule that resumes waiting jobs.
 */
package org.civicflow.portal.imports;
