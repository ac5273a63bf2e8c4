package org.civicflow.portal.admin.administration;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.domain.setting.Setting;
import org.civicflow.domain.setting.Settings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/settings/separation-of-duties}: whether the separation of duties on reply
 * drafts is enforced, and switching it ({@code {"enabled": false}} for a small office). Admins
 * only; each change is in the audit log.
 */
@RestController
@RequestMapping("/api/v1/admin/settings")
class SettingsApiController {

  /** The switch as the API shows it; {@code updatedAt}/{@code updatedBy} of its last change. */
  record SwitchView(boolean enabled, Instant updatedAt, String updatedBy) {}

  private final SeparationOfDuties separation;
  private final Settings settings;

  SettingsApiController(SeparationOfDuties separation, Settings settings) {
    this.separation = separation;
    this.settings = settings;
  }

  @GetMapping("/separation-of-duties")
  SwitchView separationOfDuties() {
    Setting stored = settings.find(Settings.SEPARATION_OF_DUTIES).orElse(null);
    return new SwitchView(
        separation.enabled(),
        stored == null ? null : stored.updatedAt(),
        stored == null ? null : stored.updatedBy());
  }

  @PutMapping("/separation-of-duties")
  SwitchView switchSeparationOfDuties(
      @RequestBody(required = false) Map<String, Object> body, Principal principal) {
    Object enabled = body == null ? null : body.get("enabled");
    if (!(enabled instanceof Boolean on)) {
      new FieldErrors().add("enabled", "validation.type.boolean").throwIfAny();
      throw new IllegalStateException("unreachable");
    }
    separation.enable(on, principal.getName());
    return separationOfDuties();
  }
}
