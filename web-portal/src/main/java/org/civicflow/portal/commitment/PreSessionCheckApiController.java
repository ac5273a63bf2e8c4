package org.civicflow.portal.commitment;

import java.security.Principal;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/commitments/pre-session-check}: the next session's date, the lead time and
 * every open commitment by department with its report before the session; {@code PUT} {@code
 * {"nextSessionDate", "leadDays"}} sets them (and moves the check). Registrars and admins only.
 */
@RestController
@RequestMapping("/api/v1/commitments/pre-session-check")
class PreSessionCheckApiController {

  private final PreSessionView view;

  PreSessionCheckApiController(PreSessionView view) {
    this.view = view;
  }

  @GetMapping
  ResponseEntity<PreSessionView.Check> get(Principal principal) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view.view(principal));
  }

  @PutMapping
  ResponseEntity<PreSessionView.Check> set(
      @RequestBody(required = false) PreSessionView.SetRequest body, Principal principal) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view.set(principal, body));
  }
}
