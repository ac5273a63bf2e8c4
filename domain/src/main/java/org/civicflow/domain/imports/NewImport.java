package org.civicflow.domain.imports;

/**
 * An uploaded spreadsheet to keep until its import has run.
 *
 * @param content the file's bytes, kept in the database so that any node can run the job
 */
public record NewImport(
    String fileName,
    String fileHash,
    String fileFormat,
    String defaultSession,
    int total,
    String createdBy,
    byte[] content) {}
