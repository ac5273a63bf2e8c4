package org.civicflow.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Sessions as an administrator keeps them: unique names, one current session, audited. */
@MybatisTest
@Import({
  SessionAdministration.class,
  SessionCatalog.class,
  AuditLog.class,
  SessionAdministrationTest.Clocks.class
})
class SessionAdministrationTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired SessionAdministration admin;
  @Autowired SessionCatalog catalog;
  @Autowired AuditLog audit;

  private static SessionAdministration.Edit npc(String name, boolean active) {
    return new SessionAdministration.Edit(name, SessionKind.NPC, LocalDate.of(2027, 1, 8), active);
  }

  @Test
  void createsEditsAndRecords() {
    Session s = admin.create(npc(" 市九届人大二次会议 ", true), false, "admin");
    assertThat(catalog.get(s.id()).name()).isEqualTo("市九届人大二次会议");

    admin.update(
        s.id(),
        new SessionAdministration.Edit(
            "市九届政协二次会议", SessionKind.CPPCC, LocalDate.of(2027, 1, 6), true),
        "admin");
    Session changed = catalog.get(s.id());
    assertThat(changed.kind()).isEqualTo(SessionKind.CPPCC);
    assertThat(changed.opensOn()).isEqualTo(LocalDate.of(2027, 1, 6));

    assertThat(audit.forObject("session", String.valueOf(s.id())))
        .extracting(AuditEvent::action)
        .containsExactly("session.create", "session.update");
    assertThat(audit.forObject("session", String.valueOf(s.id())).get(1).detail())
        .contains("kind: NPC → CPPCC", "opensOn: 2027-01-08 → 2027-01-06");
  }

  @Test
  void refusesMissingFieldsAndDuplicateNames() {
    Session a = admin.create(npc("甲会议", true), false, "admin");
    admin.create(npc("乙会议", true), false, "admin");

    assertThatThrownBy(
            () ->
                admin.update(a.id(), new SessionAdministration.Edit("", null, null, true), "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("name", "kind"));
    assertThatThrownBy(() -> admin.update(a.id(), npc("乙会议", true), "admin"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> admin.create(npc("乙会议", true), false, "admin"))
        .isInstanceOf(ConflictException.class);
    assertThat(catalog.get(a.id()).name()).isEqualTo("甲会议");
  }

  @Test
  void oneSessionIsCurrentAndItStaysInUse() {
    Session a = admin.create(npc("甲会议", true), true, "admin");
    Session b = admin.create(npc("乙会议", true), false, "admin");
    assertThat(catalog.current()).map(Session::id).hasValue(a.id());

    admin.markCurrent(b.id(), "admin");
    assertThat(catalog.current()).map(Session::id).hasValue(b.id());

    assertThatThrownBy(() -> admin.update(b.id(), npc("乙会议", false), "admin"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("active"));
    admin.update(a.id(), npc("甲会议", false), "admin");
    assertThatThrownBy(() -> admin.markCurrent(a.id(), "admin"))
        .isInstanceOf(ValidationException.class);
    assertThat(catalog.current()).map(Session::id).hasValue(b.id());
    assertThat(audit.forObject("session", String.valueOf(b.id())))
        .extracting(AuditEvent::action)
        .containsExactly("session.create", "session.markCurrent");
  }
}
