package org.civicflow.portal.admin.modeling;

import java.util.Locale;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelKind;
import org.civicflow.engine.modeling.ModelVersion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The editors in the browser: the process editor (bpmn-js) opens any deployed version of a process,
 * or a file; the decision editor (dmn-js) opens a version of a decision table. Both only draw what
 * the admin API gives them (the XML, the vocabulary) and send the result back to it for checking,
 * the impact dry run and deployment; nothing is saved by the pages themselves.
 */
@Controller
class ModelEditorPagesController {

  private final ModelCatalog catalog;
  private final MessageSource messages;

  ModelEditorPagesController(ModelCatalog catalog, MessageSource messages) {
    this.catalog = catalog;
    this.messages = messages;
  }

  /** A version of a process; a decision's version goes to the decision editor. */
  @GetMapping("/admin/models/{definitionId}/edit")
  String process(@PathVariable String definitionId, Model model, Locale locale) {
    ModelVersion version = catalog.version(definitionId);
    if (version.kind() == ModelKind.DMN) {
      return "redirect:/admin/models/decisions/" + definitionId + "/edit";
    }
    return editor(version, model, locale);
  }

  /** The process editor without a version: the admin opens a file from the disk. */
  @GetMapping("/admin/models/editor")
  String file(Model model, Locale locale) {
    model.addAttribute("version", null);
    model.addAttribute("latest", null);
    model.addAttribute("translations", EditorTranslations.BPMNJS.of(messages, locale));
    return "admin/model-editor";
  }

  @GetMapping("/admin/models/decisions/{definitionId}/edit")
  String decision(@PathVariable String definitionId, Model model, Locale locale) {
    ModelVersion version = catalog.version(definitionId);
    if (version.kind() != ModelKind.DMN) {
      throw new NotFoundException("decision", definitionId);
    }
    model.addAttribute("version", version);
    model.addAttribute("latest", latest(version));
    model.addAttribute("translations", EditorTranslations.DMNJS.of(messages, locale));
    return "admin/decision-editor";
  }

  private String editor(ModelVersion version, Model model, Locale locale) {
    model.addAttribute("version", version);
    model.addAttribute("latest", latest(version));
    model.addAttribute("translations", EditorTranslations.BPMNJS.of(messages, locale));
    return "admin/model-editor";
  }

  /** The newest version of the same model (the one a deployment follows). */
  private ModelVersion latest(ModelVersion version) {
    return catalog.models().stream()
        .filter(m -> m.key().equals(version.key()) && m.kind() == version.kind())
        .findFirst()
        .map(ModelCatalog.Model::latest)
        .orElse(version);
  }
}
