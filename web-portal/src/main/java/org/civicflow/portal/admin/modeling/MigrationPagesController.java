package org.civicflow.portal.admin.modeling;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelImpact;
import org.civicflow.engine.modeling.ModelKind;
import org.civicflow.engine.modeling.ModelMigrations;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moving running instances to another version: pick the versions, see where each instance sits and
 * the proposed mapping, change the mapping where needed, pick the instances, migrate, and read the
 * result per instance.
 */
@Controller
class MigrationPagesController {

  private final ModelCatalog catalog;
  private final ModelImpact impact;
  private final ModelMigrations migrations;
  private final ErrorResponses texts;

  MigrationPagesController(
      ModelCatalog catalog, ModelImpact impact, ModelMigrations migrations, ErrorResponses texts) {
    this.catalog = catalog;
    this.impact = impact;
    this.migrations = migrations;
    this.texts = texts;
  }

  @GetMapping("/admin/models/{key}/migrations/new")
  String form(
      @PathVariable String key,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String target,
      Model model) {
    ModelCatalog.Model process = process(key);
    String to = target != null ? target : process.latest().id();
    String from =
        source != null
            ? source
            : process.versions().stream()
                .filter(v -> !v.id().equals(to) && v.runningInstances() > 0)
                .findFirst()
                .orElse(process.versions().get(process.versions().size() - 1))
                .id();
    model.addAttribute("process", process);
    model.addAttribute("source", catalog.version(from));
    model.addAttribute("target", catalog.version(to));
    if (!from.equals(to)) {
      compare(model, from, to);
    }
    return "admin/migration";
  }

  @PostMapping("/admin/models/{key}/migrations")
  String migrate(
      @PathVariable String key,
      @RequestParam String source,
      @RequestParam String target,
      @RequestParam(name = "instance", required = false) List<String> instances,
      @RequestParam Map<String, String> params,
      Principal principal,
      Model model) {
    ModelCatalog.Model process = process(key);
    List<ModelMigrations.ActivityMapping> mapping = new ArrayList<>();
    params.forEach(
        (name, value) -> {
          if (name.startsWith("map.")) {
            mapping.add(new ModelMigrations.ActivityMapping(name.substring(4), value));
          }
        });
    model.addAttribute("process", process);
    model.addAttribute("source", catalog.version(source));
    model.addAttribute("target", catalog.version(target));
    try {
      List<ModelMigrations.Result> results =
          migrations.migrate(
              new ModelMigrations.Request(
                  source, target, instances == null ? List.of() : instances, mapping),
              principal.getName());
      model.addAttribute("results", results);
      model.addAttribute(
          "migratedCount", results.stream().filter(ModelMigrations.Result::migrated).count());
    } catch (DomainException e) {
      model.addAttribute("failure", texts.text(e.messageKey(), e.arguments(), null));
      compare(model, source, target);
      return "admin/migration";
    }
    return "admin/migration-results";
  }

  private void compare(Model model, String source, String target) {
    ModelImpact.Report report = impact.between(source, target);
    List<ModelImpact.Mapping> rows = new ArrayList<>(report.mapping());
    rows.addAll(report.unmapped());
    model.addAttribute("report", report);
    model.addAttribute("rows", rows);
    model.addAttribute("steps", impact.steps(target));
  }

  private ModelCatalog.Model process(String key) {
    return catalog.models().stream()
        .filter(m -> m.key().equals(key) && m.kind() == ModelKind.BPMN)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("process", key));
  }
}
