package org.civicflow.portal.admin.modeling;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Date;
import org.civicflow.engine.deployment.BuiltInRevision;
import org.civicflow.engine.deployment.BuiltInVersions;
import org.civicflow.engine.modeling.ModelDeployments;
import org.civicflow.engine.modeling.ModelKind;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A newer built-in revision of a model that waits beside the admin's own version: its file, and the
 * admin's decision — deploy it as version n+1 (checked like any deployment) or keep their own. Only
 * the pending revision of a model answers (404 otherwise); a decision another admin already made
 * answers 409. Admins only (the security chain); both decisions are audited.
 */
@RestController
@RequestMapping("/api/v1/admin/models/{key}/built-in/{revision}")
class BuiltInApiController {

  /** The optional body of a deployment. */
  record DeployRequest(String comment) {}

  /** A pending revision, or one just decided. */
  record RevisionView(
      String key,
      ModelKind kind,
      int revision,
      BuiltInRevision.State state,
      Date foundAt,
      String decidedBy,
      Date decidedAt) {}

  private final BuiltInVersions builtIns;
  private final ErrorResponses texts;

  BuiltInApiController(BuiltInVersions builtIns, ErrorResponses texts) {
    this.builtIns = builtIns;
    this.texts = texts;
  }

  @GetMapping
  RevisionView pending(@PathVariable String key, @PathVariable int revision) {
    BuiltInRevision r = builtIns.pending(key, revision);
    return new RevisionView(
        r.key(), r.kind(), r.revision(), r.state(), r.foundAt(), r.decidedBy(), r.decidedAt());
  }

  @GetMapping(value = "/xml", produces = MediaType.APPLICATION_XML_VALUE)
  byte[] xml(@PathVariable String key, @PathVariable int revision) {
    return builtIns.content(key, revision);
  }

  @PostMapping("/deploy")
  @ResponseStatus(HttpStatus.CREATED)
  ModelDeployments.Deployed deploy(
      @PathVariable String key,
      @PathVariable int revision,
      @RequestBody(required = false) DeployRequest body,
      Principal principal,
      HttpServletRequest request) {
    String comment = body == null ? null : body.comment();
    if (comment == null || comment.isBlank()) {
      comment =
          texts.text("builtIn.defaultComment", java.util.List.of(revision), texts.locale(request));
    }
    return builtIns.deploy(key, revision, comment, principal.getName());
  }

  @PostMapping("/keep")
  RevisionView keep(@PathVariable String key, @PathVariable int revision, Principal principal) {
    BuiltInRevision kept = builtIns.keep(key, revision, principal.getName());
    return new RevisionView(
        kept.key(),
        kept.kind(),
        kept.revision(),
        kept.state(),
        kept.foundAt(),
        kept.decidedBy(),
        kept.decidedAt());
  }
}
