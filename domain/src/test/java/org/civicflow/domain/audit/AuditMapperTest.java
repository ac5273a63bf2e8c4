package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;

@MybatisTest
class AuditMapperTest {

  @Autowired AuditMapper audit;
  @Autowired AuditEntrySeal entries;

  @Test
  void appendsAndReadsByObjectInOrder() {
    audit.insert(
        sealed(
            null,
            Instant.parse("2022-05-30T02:00:00Z"),
            "scjg.leader",
            "task.complete",
            "proposal",
            "77",
            "OK",
            "signOff APPROVE",
            "10.0.0.8"));
    audit.insert(
        sealed(
            null,
            Instant.parse("2022-05-29T02:00:00Z"),
            "scjg.reviewer",
            "task.complete",
            "proposal",
            "77",
            "OK",
            "reviewDraft APPROVE",
            "10.0.0.7"));
    audit.insert(sealed(null, Instant.now(), "x", "login", "user", "x", "DENIED", null, null));

    assertThat(audit.findByObject("proposal", "77"))
        .extracting(AuditEvent::actor)
        .containsExactly("scjg.reviewer", "scjg.leader");
    assertThat(audit.findByObject("proposal", "77").get(1).remoteAddress()).isEqualTo("10.0.0.8");
    assertThat(audit.findByAction("login", 10))
        .singleElement()
        .extracting(AuditEvent::result)
        .isEqualTo("DENIED");
    assertThat(audit.findRecent(1))
        .singleElement()
        .extracting(AuditEvent::action)
        .isEqualTo("login");
  }

  private AuditEntry sealed(
      Long id,
      Instant at,
      String actor,
      String action,
      String objectType,
      String objectId,
      String result,
      String detail,
      String address) {
    return entries.seal(
        new AuditEvent(id, at, actor, action, objectType, objectId, result, detail, address));
  }

  @Test
  void theMapperOffersNoWayToChangeOrDeleteEvents() {
    assertThat(AuditMapper.class.getMethods())
        .extracting(java.lang.reflect.Method::getName)
        .noneMatch(n -> n.startsWith("update") || n.startsWith("delete"));
  }
}
