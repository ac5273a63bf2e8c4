package org.civicflow.portal.publicsite;

import org.civicflow.domain.publication.PublicReplies;
import org.civicflow.domain.publication.ReadCounter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ReplyPageCache} ahead of the security filters (order -100). */
@Configuration(proxyBeanMethods = false)
class ReplyPageCaching {

  @Bean
  FilterRegistrationBean<ReplyPageCache> replyPageCache(PublicReplies replies, ReadCounter reads) {
    FilterRegistrationBean<ReplyPageCache> registration =
        new FilterRegistrationBean<>(new ReplyPageCache(replies, reads));
    registration.addUrlPatterns("/public/replies/*");
    registration.setOrder(-200);
    return registration;
  }
}
