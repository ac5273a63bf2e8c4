package org.civicflow.portal.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.imports.ImportJob;
import org.civicflow.domain.imports.ImportStatus;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.imports.ImportFileException;
import org.civicflow.engine.imports.ImportPreview;
import org.civicflow.engine.imports.ImportTemplate;
import org.civicflow.engine.imports.ProposalImport;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The registrar's import pages: upload, the preview with every row's problems (nothing stored yet),
 * start, then progress and result. Works without JavaScript (the progress page can be reloaded);
 * the island {@code /js/import-progress.js} moves the progress bar by itself.
 */
@Controller
@RequestMapping("/portal/imports")
class ImportPagesController {

  private final Callers callers;
  private final ProposalImport imports;
  private final SessionCatalog sessions;
  private final ImportTexts texts;

  ImportPagesController(
      Callers callers, ProposalImport imports, SessionCatalog sessions, ImportTexts texts) {
    this.callers = callers;
    this.imports = imports;
    this.sessions = sessions;
    this.texts = texts;
  }

  @GetMapping
  String form(Principal principal, Model model) {
    return form(callers.of(principal), model, null);
  }

  private String form(Caller caller, Model model, String fileError) {
    model.addAttribute(
        "jobs", imports.recent(caller).stream().map(j -> texts.job(j, null)).toList());
    model.addAttribute("sessions", sessions.all());
    model.addAttribute("fileError", fileError);
    model.addAttribute("maxRows", ProposalImport.MAX_ROWS);
    model.addAttribute("columns", columns());
    return "portal/imports";
  }

  /** Uploads a file and shows its preview; a file that cannot be read is refused on the form. */
  @PostMapping
  String upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(value = "session", required = false) String session,
      Principal principal,
      Model model,
      HttpServletResponse response)
      throws IOException {
    Caller caller = callers.of(principal);
    long id;
    try {
      id = imports.upload(file.getOriginalFilename(), file.getBytes(), session, caller);
    } catch (ImportFileException e) {
      response.setStatus(400);
      return form(caller, model, texts.text(e.messageKey(), e.arguments().toArray()));
    } catch (ValidationException e) {
      response.setStatus(400);
      return form(caller, model, texts.text("validation.session.unknown"));
    }
    return preview(imports.preview(id, caller), model);
  }

  private String preview(ImportPreview preview, Model model) {
    model.addAttribute("preview", preview);
    model.addAttribute("job", texts.job(preview.job(), null));
    model.addAttribute("columns", columns());
    model.addAttribute("errors", preview.errors().stream().map(texts::row).toList());
    model.addAttribute(
        "sampleErrors",
        preview.sample().stream()
            .map(r -> r.errors().stream().map(texts::message).toList())
            .toList());
    return "portal/import-preview";
  }

  /** A job: its preview while not started, else its progress or result. */
  @GetMapping("/{id:\\d+}")
  String show(@PathVariable long id, Principal principal, Model model) {
    Caller caller = callers.of(principal);
    ImportJob job = imports.job(id, caller);
    if (job.status() == ImportStatus.PREVIEWED) {
      return preview(imports.preview(id, caller), model);
    }
    model.addAttribute(
        "job", texts.job(job, job.status().isFinished() ? imports.errors(id, caller) : null));
    model.addAttribute("active", job.status().isActive());
    return "portal/import-job";
  }

  @PostMapping("/{id:\\d+}/start")
  String start(@PathVariable long id, Principal principal) {
    ImportJob job = imports.start(id, callers.of(principal));
    return "redirect:/portal/imports/" + job.id();
  }

  @GetMapping("/template.xlsx")
  void templateXlsx(Principal principal, HttpServletResponse response) throws IOException {
    imports.recent(callers.of(principal)); // registrars only
    download(
        response,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "import-template.xlsx");
    Map<String, String> notes = new LinkedHashMap<>();
    for (String field : ImportTemplate.fields()) {
      notes.put(
          field,
          (ImportTemplate.required(field) ? texts.text("import.template.required") + " " : "")
              + texts.text("import.note." + field));
    }
    ImportTemplate.xlsx(
        response.getOutputStream(),
        notes,
        List.of(
            texts.text("import.template.sheet"),
            texts.text("import.template.column"),
            texts.text("import.template.field"),
            texts.text("import.template.note")));
  }

  @GetMapping("/template.csv")
  void templateCsv(Principal principal, HttpServletResponse response) throws IOException {
    imports.recent(callers.of(principal)); // registrars only
    download(response, "text/csv;charset=UTF-8", "import-template.csv");
    ImportTemplate.csv(response.getOutputStream());
  }

  private static void download(HttpServletResponse response, String type, String name) {
    response.setContentType(type);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
  }

  /** The columns in template order: field name and label key. */
  private static List<String> columns() {
    return ImportTemplate.fields();
  }
}
