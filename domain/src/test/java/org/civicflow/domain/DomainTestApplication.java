package org.civicflow.domain;

import java.util.Base64;
import java.util.List;
import org.civicflow.domain.audit.AuditEntrySeal;
import org.civicflow.domain.integrity.SealKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Spring configuration that the domain's tests start from. Slice tests get the seal keys of the
 * tests' configuration and the audit log's entry seals, which every audit record needs.
 */
@SpringBootApplication
@Import(AuditEntrySeal.class)
public class DomainTestApplication {

  @Bean
  SealKeys sealKeys(@Value("${civicflow.integrity.seal-key}") String key) {
    return new SealKeys(Base64.getDecoder().decode(key), List.of());
  }
}
