package org.civicflow.domain.integrity;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seal keys from the application's settings (see {@link SealKeySource}); {@code
 * application.yml} maps {@code CIVICFLOW_SEAL_KEY} and {@code CIVICFLOW_SEAL_VERIFICATION_KEYS} to
 * them.
 */
@Configuration(proxyBeanMethods = false)
class SealKeyConfiguration {

  @Bean
  SealKeys sealKeys(
      @Value("${civicflow.integrity.seal-key:}") String sealKey,
      @Value("${civicflow.integrity.key-file:}") String keyFile,
      @Value("${civicflow.integrity.verification-keys:}") List<String> verificationKeys,
      @Value("${civicflow.integrity.verification-key-files:}") List<String> verificationKeyFiles,
      @Value("${civicflow.integrity.generate-key:false}") boolean generate,
      @Value("${civicflow.integrity.generated-key-file:${user.home}/.civicflow/seal.key}")
          String generatedFile) {
    return SealKeySource.load(
        sealKey, keyFile, verificationKeys, verificationKeyFiles, generate, Path.of(generatedFile));
  }
}
