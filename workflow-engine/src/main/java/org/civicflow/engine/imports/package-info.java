/**
 * Bulk import of a session's proposals from an xlsx or csv file: reading the file safely and as a
 * stream, checking every row (the preview), and registering the rows in the background, each like a
 * hand-registered proposal.
 */
package org.civicflow.engine.imports;
