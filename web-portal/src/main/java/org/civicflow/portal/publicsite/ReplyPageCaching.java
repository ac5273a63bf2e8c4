package org.civicflow.portal.publicsite;

import org.civicflow.domain.publication.PublicReplies;
import org.civicflow.domain.publication.ReadCounter;
import org.civicflow.portal.security.ClientAddressFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link ReplyPageCache} first among the filters (with the client address filter), so
 * that a page answered from memory costs none of the later ones: metrics observation, the session
 * repository (no session is read or created for it) and the security chain, whose headers the
 * cached page carries as they were set when it was rendered.
 */
@Configuration(proxyBeanMethods = false)
class ReplyPageCaching {

  @Bean
  FilterRegistrationBean<ReplyPageCache> replyPageCache(
      PublicReplies replies,
      ReadCounter reads,
      ClientAddressFilter addresses,
      PublicCommitments commitments) {
    FilterRegistrationBean<ReplyPageCache> registration =
        new FilterRegistrationBean<>(new ReplyPageCache(replies, reads, addresses, commitments));
    registration.addUrlPatterns("/public/replies/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
