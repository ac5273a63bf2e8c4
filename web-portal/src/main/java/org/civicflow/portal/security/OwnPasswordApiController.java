package org.civicflow.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/me/password} {@code {currentPassword, newPassword}}: the caller sets their
 * own password → 204; 400 naming the field (current password wrong, policy, unchanged). The one
 * request allowed while a password change is required ({@link PasswordChangeRequired}).
 */
@RestController
class OwnPasswordApiController {

  /** The body; never printed with the passwords. */
  record PasswordChange(String currentPassword, String newPassword) {
    @Override
    public String toString() {
      return "PasswordChange[***]";
    }
  }

  private final OwnPasswordChange change;

  OwnPasswordApiController(OwnPasswordChange change) {
    this.change = change;
  }

  @PostMapping(PasswordChangeRequired.API)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void change(
      @RequestBody PasswordChange body,
      Authentication auth,
      HttpServletRequest request,
      HttpServletResponse response) {
    change.change(auth, body.currentPassword(), body.newPassword(), request, response);
  }
}
