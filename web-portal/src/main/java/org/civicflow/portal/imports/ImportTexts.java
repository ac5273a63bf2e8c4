package org.civicflow.portal.imports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.imports.ImportJob;
import org.civicflow.domain.imports.ImportRowError;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The texts of import jobs and row errors in the reader's language. */
@Component
class ImportTexts {

  /** A row that was not registered, as the API and the pages show it. */
  record RowErrorView(int row, String field, String kind, String message) {}

  /** A job and its progress, as {@code GET /api/v1/proposals/imports/{id}} returns it. */
  record JobView(
      long id,
      String status,
      String fileName,
      int total,
      int done,
      int imported,
      int skipped,
      int failed,
      int percent,
      String failure,
      List<RowErrorView> errors,
      String createdBy,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt) {}

  private final ErrorResponses texts;

  ImportTexts(ErrorResponses texts) {
    this.texts = texts;
  }

  JobView job(ImportJob j, List<ImportRowError> errors) {
    return new JobView(
        j.id(),
        j.status().name(),
        j.fileName(),
        j.total(),
        j.done(),
        j.imported(),
        j.skipped(),
        j.failed(),
        j.percent(),
        j.failure() == null ? null : text(j.failure()),
        errors == null ? null : errors.stream().map(this::row).toList(),
        j.createdBy(),
        j.createdAt(),
        j.startedAt(),
        j.finishedAt());
  }

  RowErrorView row(ImportRowError e) {
    return new RowErrorView(e.row(), e.field(), e.kind().name(), message(e));
  }

  /** "编号:必填" — the column's label and the problem. */
  String message(ImportRowError e) {
    List<Object> args = e.argument() == null ? List.of() : List.of(e.argument());
    String problem = texts.text(e.messageKey(), args, locale());
    return e.field() == null ? problem : text("import.column." + e.field()) + ": " + problem;
  }

  String text(String key, Object... args) {
    return texts.text(key, List.of(args), locale());
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
