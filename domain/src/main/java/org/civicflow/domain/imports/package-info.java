/**
 * Bulk imports of proposals: the uploaded file, the job that registers its rows in the background
 * with its progress, and the rows it did not register.
 */
package org.civicflow.domain.imports;
