package org.civicflow.domain.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.civicflow.domain.TestRecords;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.session.SessionKind;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Delegations are known per kind of session, once each, or through a proposer's account. */
@MybatisTest
@Import({Delegations.class, AuditLog.class, DelegationMapperTest.Clocks.class})
class DelegationMapperTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired Delegations delegations;

  @Test
  void aDelegationIsKnownForItsKindOnly() {
    String name = TestRecords.unique("县");
    assertThat(delegations.isKnown(SessionKind.NPC, name)).isFalse();
    delegations.add(SessionKind.NPC, name, "admin");
    delegations.add(SessionKind.NPC, " " + name + " ", "admin");
    assertThat(delegations.isKnown(SessionKind.NPC, name)).isTrue();
    assertThat(delegations.isKnown(SessionKind.CPPCC, name)).isFalse();
    assertThat(delegations.isKnown(SessionKind.NPC, null)).isFalse();
    assertThat(delegations.all()).filteredOn(d -> d.name().equals(name)).hasSize(1);
  }
}
