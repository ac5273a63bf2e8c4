package org.civicflow.portal.security;

import org.civicflow.domain.audit.AuditContext;
import org.civicflow.domain.identity.SignInLockouts;
import org.civicflow.domain.identity.SignInRecords;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The password check of the sign-in form and of HTTP Basic, inside the lockouts of {@link
 * SignInLockouts}: an attempt of a locked name and address, or one paced by the account-wide limit,
 * is refused before the password is checked; a checked attempt is counted as a failure or clears
 * the pair. Every refusal is audited ({@link SignInRecords}) with the reason.
 *
 * <p>Every refusal — unknown name, wrong password, disabled account, locked address, paced attempt
 * — is the same {@link BadCredentialsException}: the form then goes to the same {@code
 * /login?error} and the API gives the same 401 body, so that nobody learns which names exist or
 * that an address is locked.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInLockouts lockouts;
  private final SignInRecords records;

  LockoutAuthenticationProvider(
      AuthenticationProvider passwords, SignInLockouts lockouts, SignInRecords records) {
    this.passwords = passwords;
    this.lockouts = lockouts;
    this.records = records;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String typed = authentication.getName();
    SignInLockouts.Attempt attempt = lockouts.begin(typed, AuditContext.remoteAddress());
    switch (attempt.verdict()) {
      case LOCKED -> {
        records.refusedLocked(typed, attempt.lockedUntil());
        throw refused();
      }
      case PACED -> {
        records.refusedPaced(typed);
        throw refused();
      }
      case CHECK -> {
        // checked below
      }
    }
    Authentication result;
    try {
      result = passwords.authenticate(authentication);
    } catch (DisabledException e) {
      lockouts.failed(attempt);
      records.refusedDisabled(typed);
      throw refused();
    } catch (BadCredentialsException e) {
      records.failed(typed, lockouts.failed(attempt));
      throw refused();
    } catch (AuthenticationException e) {
      // not the person's doing (e.g. the database failed): neither counted nor hidden
      throw e;
    }
    lockouts.succeeded(attempt);
    return result;
  }

  private static BadCredentialsException refused() {
    return new BadCredentialsException("Bad credentials");
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
