package org.civicflow.portal.letter;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The letters' signing key store from the settings (see {@link LetterKeys}), read at start. */
@Configuration(proxyBeanMethods = false)
class LetterKeysConfiguration {

  @Bean
  LetterKeys letterKeys(
      @Value("${civicflow.letters.key-store-dir:}") String keyStoreDir,
      @Value("${civicflow.letters.key-store-password:}") String password,
      @Value("${civicflow.letters.generate-keys:false}") boolean generate,
      @Value("${civicflow.letters.generated-dir:${user.home}/.civicflow/letters}")
          String generatedDir) {
    return LetterKeys.load(keyStoreDir, password, generate, Path.of(generatedDir));
  }
}
