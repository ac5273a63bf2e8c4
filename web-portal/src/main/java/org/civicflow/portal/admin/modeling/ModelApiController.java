package org.civicflow.portal.admin.modeling;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicflow.engine.deployment.BuiltInRevision;
import org.civicflow.engine.deployment.BuiltInVersions;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelDeployments;
import org.civicflow.engine.modeling.ModelFile;
import org.civicflow.engine.modeling.ModelImpact;
import org.civicflow.engine.modeling.ModelKind;
import org.civicflow.engine.modeling.ModelMigrations;
import org.civicflow.engine.modeling.ModelReport;
import org.civicflow.engine.modeling.ModelValidation;
import org.civicflow.engine.modeling.ModelVersion;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin API of the models (api-v1: process-definitions, deployments, migrations), plus what the
 * editor needs: a version's XML, the vocabulary, validation and the impact dry run. Admins only
 * (the security chain), every deployment and migration in the audit log (the engine services).
 */
@RestController
@RequestMapping("/api/v1/admin")
class ModelApiController {

  /**
   * A model version as the API shows it; {@code builtInRevision} (added) is the built-in model's
   * revision this version is, null for an admin's own version.
   */
  record VersionView(
      String id,
      int version,
      Date deployedAt,
      String deployedBy,
      String comment,
      long runningInstances,
      Integer builtInRevision) {

    static VersionView of(ModelVersion v) {
      return new VersionView(
          v.id(),
          v.version(),
          v.deployedAt(),
          v.deployedBy(),
          v.comment(),
          v.runningInstances(),
          v.builtInRevision());
    }
  }

  /** A newer built-in revision waiting beside an admin's current version (added). */
  record NewerBuiltIn(int revision, Date foundAt) {}

  record ModelView(
      String key,
      String name,
      ModelKind kind,
      List<VersionView> versions,
      NewerBuiltIn newerBuiltIn) {}

  record ValidationView(
      boolean valid,
      String key,
      ModelKind kind,
      String name,
      List<ModelTexts.ProblemView> problems) {}

  private final ModelCatalog catalog;
  private final ModelValidation validation;
  private final ModelImpact impact;
  private final ModelDeployments deployments;
  private final ModelMigrations migrations;
  private final ModelTexts texts;
  private final ErrorResponses errors;
  private final BuiltInVersions builtIns;
  private final MessageSource messages;

  ModelApiController(
      ModelCatalog catalog,
      ModelValidation validation,
      ModelImpact impact,
      ModelDeployments deployments,
      ModelMigrations migrations,
      ModelTexts texts,
      ErrorResponses errors,
      BuiltInVersions builtIns,
      MessageSource messages) {
    this.catalog = catalog;
    this.validation = validation;
    this.impact = impact;
    this.deployments = deployments;
    this.migrations = migrations;
    this.texts = texts;
    this.errors = errors;
    this.builtIns = builtIns;
    this.messages = messages;
  }

  @GetMapping("/process-definitions")
  Map<String, Object> models() {
    Map<String, BuiltInRevision> pending = BuiltInPagesController.pendingByModel(builtIns);
    List<ModelView> items =
        catalog.models().stream()
            .map(
                m -> {
                  BuiltInRevision p = pending.get(m.kind() + ":" + m.key());
                  return new ModelView(
                      m.key(),
                      m.name(),
                      m.kind(),
                      m.versions().stream().map(VersionView::of).toList(),
                      p == null ? null : new NewerBuiltIn(p.revision(), p.foundAt()));
                })
            .toList();
    return Map.of("items", items);
  }

  @GetMapping(value = "/models/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  String xml(@PathVariable String definitionId) {
    return catalog.xml(definitionId);
  }

  @GetMapping("/models/vocabulary")
  Map<String, Object> vocabulary(HttpServletRequest request) {
    return texts.vocabulary(errors.locale(request));
  }

  @PostMapping("/models/validation")
  ValidationView validate(@RequestPart("file") MultipartFile file, HttpServletRequest request) {
    ModelReport report = validation.validate(fileOf(file));
    return new ValidationView(
        report.valid(),
        report.key(),
        report.kind(),
        report.name(),
        texts.problems(report.problems(), errors.locale(request)));
  }

  @PostMapping("/models/impact")
  Map<String, Object> impact(@RequestPart("file") MultipartFile file, HttpServletRequest request) {
    ModelImpact.Report r = impact.of(fileOf(file));
    Map<String, Object> view = new java.util.LinkedHashMap<>();
    view.put("key", r.key());
    view.put("kind", r.kind());
    view.put("currentVersion", r.currentVersion());
    view.put("currentDefinitionId", r.currentDefinitionId());
    view.put("nextVersion", r.nextVersion());
    view.put("problems", texts.problems(r.problems(), errors.locale(request)));
    view.put("runningInstances", r.runningInstances());
    view.put("instances", r.instances());
    view.put("mapping", r.mapping());
    view.put("unmapped", r.unmapped());
    return view;
  }

  @PostMapping("/deployments")
  @ResponseStatus(HttpStatus.CREATED)
  ModelDeployments.Deployed deploy(
      @RequestPart("file") MultipartFile file,
      @RequestParam(value = "comment", required = false) String comment,
      Principal principal) {
    return deployments.deploy(fileOf(file), comment, principal.getName());
  }

  @PostMapping("/migrations")
  Map<String, Object> migrate(@RequestBody ModelMigrations.Request request, Principal principal) {
    List<ModelMigrations.Result> results = migrations.migrate(request, principal.getName());
    Locale locale = LocaleContextHolder.getLocale();
    return Map.of(
        "results",
        results.stream().map(r -> MigrationResult.of(r, messages, locale)).toList(),
        "migrated",
        results.stream().filter(ModelMigrations.Result::migrated).count(),
        "failed",
        results.stream().filter(r -> !r.migrated()).count());
  }

  static ModelFile fileOf(MultipartFile file) {
    try {
      return new ModelFile(file.getOriginalFilename(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
