package org.civicflow.portal.admin.modeling;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.engine.deployment.BuiltInRevision;
import org.civicflow.engine.deployment.BuiltInVersions;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelChanges;
import org.civicflow.engine.modeling.ModelDeployments;
import org.civicflow.engine.modeling.ModelRejectedException;
import org.civicflow.engine.modeling.ModelVersion;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A newer built-in version beside the admin's current one: both drawn read-only side by side with
 * the elements that differ listed, and the admin's two choices — deploy the built-in version as
 * version n+1, or keep their own (the notice of that revision ends).
 */
@Controller
class BuiltInPagesController {

  private final BuiltInVersions builtIns;
  private final ModelCatalog catalog;
  private final ModelTexts texts;
  private final Flash flash;

  BuiltInPagesController(
      BuiltInVersions builtIns, ModelCatalog catalog, ModelTexts texts, Flash flash) {
    this.builtIns = builtIns;
    this.catalog = catalog;
    this.texts = texts;
    this.flash = flash;
  }

  /** The pending revisions by {@code KIND:key}, as the model list looks them up. */
  static Map<String, BuiltInRevision> pendingByModel(BuiltInVersions builtIns) {
    Map<String, BuiltInRevision> byModel = new LinkedHashMap<>();
    builtIns.pending().forEach(r -> byModel.put(r.kind() + ":" + r.key(), r));
    return byModel;
  }

  @GetMapping("/admin/models/{key}/built-in/{revision}")
  String compare(@PathVariable String key, @PathVariable int revision, Model model) {
    BuiltInRevision pending = builtIns.pending(key, revision);
    ModelCatalog.Model current =
        catalog.models().stream()
            .filter(m -> m.key().equals(key) && m.kind() == pending.kind())
            .findFirst()
            .orElseThrow(() -> new NotFoundException("model", key));
    ModelVersion mine = current.latest();
    List<ModelChanges.Change> changes =
        ModelChanges.between(
            catalog.xml(mine.id()).getBytes(StandardCharsets.UTF_8),
            builtIns.content(key, revision));
    model.addAttribute("model", current);
    model.addAttribute("mine", mine);
    model.addAttribute("builtIn", pending);
    model.addAttribute("changes", changes);
    for (ModelChanges.Kind kind : ModelChanges.Kind.values()) {
      model.addAttribute("ids" + kind, ids(changes, kind));
    }
    return "admin/model-builtin";
  }

  @PostMapping("/admin/models/{key}/built-in/{revision}/deploy")
  String deploy(
      @PathVariable String key,
      @PathVariable int revision,
      @RequestParam(required = false) String comment,
      Principal principal,
      Locale locale,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    String note =
        comment == null || comment.isBlank()
            ? texts.text("builtIn.defaultComment", locale, revision)
            : comment;
    try {
      ModelDeployments.Deployed deployed =
          builtIns.deploy(key, revision, note, principal.getName());
      flash.ok(redirect, "builtIn.flash.deployed", key, revision, deployed.version());
      return "redirect:/admin/models#model-" + key;
    } catch (ConflictException e) {
      flash.error(redirect, e);
      return "redirect:/admin/models#model-" + key;
    } catch (ModelRejectedException e) {
      response.setStatus(400);
      model.addAttribute("failure", flash.text(e));
      model.addAttribute("problems", texts.problems(e.report().problems(), locale));
      model.addAttribute("comment", comment);
      return compare(key, revision, model);
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      response.setStatus(400);
      model.addAttribute("failure", flash.text(e));
      model.addAttribute("comment", comment);
      return compare(key, revision, model);
    }
  }

  @PostMapping("/admin/models/{key}/built-in/{revision}/keep")
  String keep(
      @PathVariable String key,
      @PathVariable int revision,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      builtIns.keep(key, revision, principal.getName());
      flash.ok(redirect, "builtIn.flash.kept", key, revision);
    } catch (ConflictException e) {
      flash.error(redirect, e);
    }
    return "redirect:/admin/models#model-" + key;
  }

  /** The ids of the changes of a kind, for the viewer to mark. */
  private static String ids(List<ModelChanges.Change> changes, ModelChanges.Kind kind) {
    return String.join(
        " ", changes.stream().filter(c -> c.kind() == kind).map(ModelChanges.Change::id).toList());
  }
}
