package org.civicflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The account read while authenticating is reused by the same request only. */
class RequestUsersTest {

  UserDirectory users = mock(UserDirectory.class);
  Callers callers = new Callers(users);
  User handler =
      new User("scjg.handler", "张明", "hash", "SCJG", Set.of(Role.HANDLER), Instant.now());
  Principal principal = () -> "scjg.handler";

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  private void aRequest() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
  }

  @Test
  void theAccountReadWhileAuthenticatingIsNotReadAgain() {
    aRequest();
    RequestUsers.remember(handler);
    assertThat(callers.of(principal).department()).isEqualTo("SCJG");
    verify(users, never()).find("scjg.handler");
  }

  @Test
  void anotherRequestReadsTheAccountAgain() {
    aRequest();
    RequestUsers.remember(handler);
    aRequest();
    when(users.find("scjg.handler")).thenReturn(Optional.of(handler));
    assertThat(callers.of(principal).username()).isEqualTo("scjg.handler");
    verify(users).find("scjg.handler");
  }

  @Test
  void anAccountOfAnotherNameIsNotTaken() {
    aRequest();
    RequestUsers.remember(handler);
    when(users.find("registrar")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> callers.of(() -> "registrar"))
        .isInstanceOf(InsufficientAuthenticationException.class);
  }

  @Test
  void withoutARequestNothingIsRemembered() {
    RequestUsers.remember(handler);
    assertThat(RequestUsers.readInThisRequest("scjg.handler")).isEmpty();
  }
}
