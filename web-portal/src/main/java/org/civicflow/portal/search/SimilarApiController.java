package org.civicflow.portal.search;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Similar proposals (并案 candidates, earlier sessions) and similar earlier replies. */
@RestController
class SimilarApiController {

  static final int MAX_SIZE = 50;

  private final SimilarLookup lookup;
  private final Callers callers;

  SimilarApiController(SimilarLookup lookup, Callers callers) {
    this.lookup = lookup;
    this.callers = callers;
  }

  /** The list of similar items, most similar first. */
  record Items<T>(List<T> items) {}

  @GetMapping("/api/v1/proposals/{id}/similar")
  Items<SimilarLookup.SimilarProposal> similar(
      @PathVariable long id,
      @RequestParam(defaultValue = "all") String scope,
      @RequestParam(defaultValue = "10") int size,
      Principal principal) {
    SimilarLookup.Scope s;
    try {
      s = SimilarLookup.Scope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("scope", "validation.choice");
    }
    Caller caller = callers.of(principal);
    return new Items<>(lookup.proposals(id, s, size(size), caller));
  }

  @GetMapping("/api/v1/proposals/{id}/similar-replies")
  Items<SimilarLookup.SimilarReply> similarReplies(
      @PathVariable long id, @RequestParam(defaultValue = "10") int size, Principal principal) {
    return new Items<>(lookup.replies(id, size(size), callers.of(principal)));
  }

  static int size(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw ValidationException.of("size", "search.validation.size");
    }
    return size;
  }
}
