package org.civicflow.portal.admin.modeling;

import java.nio.charset.StandardCharsets;
import org.civicflow.engine.deployment.BuiltInVersions;
import org.civicflow.engine.modeling.ModelCatalog;
import org.civicflow.engine.modeling.ModelVersion;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The list of process and decision models with their versions, and their files; a model whose newer
 * built-in version waits beside the admin's own says so.
 */
@Controller
class ModelPagesController {

  private final ModelCatalog catalog;
  private final BuiltInVersions builtIns;

  ModelPagesController(ModelCatalog catalog, BuiltInVersions builtIns) {
    this.catalog = catalog;
    this.builtIns = builtIns;
  }

  @GetMapping("/admin/models")
  String list(Model model) {
    model.addAttribute("models", catalog.models());
    model.addAttribute("pending", BuiltInPagesController.pendingByModel(builtIns));
    return "admin/models";
  }

  @GetMapping("/admin/models/{definitionId}/download")
  ResponseEntity<byte[]> download(@PathVariable String definitionId) {
    ModelVersion v = catalog.version(definitionId);
    String filename = v.kind().resourceName(v.key() + "-v" + v.version());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(catalog.xml(definitionId).getBytes(StandardCharsets.UTF_8));
  }
}
