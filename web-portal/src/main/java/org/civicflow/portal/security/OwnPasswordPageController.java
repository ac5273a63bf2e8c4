package org.civicflow.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.portal.web.Flash;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where a signed-in person sets their own password: the only portal page open while a
 * change is required ({@link PasswordChangeRequired}), and reachable from the user bar otherwise.
 */
@Controller
class OwnPasswordPageController {

  private final OwnPasswordChange change;
  private final Flash flash;

  OwnPasswordPageController(OwnPasswordChange change, Flash flash) {
    this.change = change;
    this.flash = flash;
  }

  @GetMapping(PasswordChangeRequired.PAGE)
  String form(Authentication auth, Model model) {
    model.addAttribute("required", required(auth));
    model.addAttribute("errors", Map.of());
    return "portal/password";
  }

  @PostMapping(PasswordChangeRequired.PAGE)
  String change(
      @RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String newPassword,
      @RequestParam(required = false) String confirmPassword,
      Authentication auth,
      Model model,
      RedirectAttributes redirect,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      if (newPassword != null && !newPassword.equals(confirmPassword)) {
        throw ValidationException.of("confirmPassword", "validation.password.mismatch");
      }
      change.change(auth, currentPassword, newPassword, request, response);
    } catch (ValidationException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.fieldErrors().forEach((field, key) -> errors.put(field, flash.text(key)));
      response.setStatus(400);
      model.addAttribute("required", required(auth));
      model.addAttribute("errors", errors);
      return "portal/password";
    }
    // back to this page, which says so and leads on (a flash message would not survive /portal's
    // own redirect)
    flash.ok(redirect, "password.changed");
    return "redirect:" + PasswordChangeRequired.PAGE;
  }

  private static boolean required(Authentication auth) {
    return auth.getPrincipal() instanceof CivicPrincipal p && p.mustChangePassword();
  }
}
