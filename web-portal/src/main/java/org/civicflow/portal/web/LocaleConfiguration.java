package org.civicflow.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default; {@code ?lang=en} switches a person's pages to English and is remembered in a
 * cookie; API clients may ask for English with {@code Accept-Language}.
 */
@Configuration
class LocaleConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("CIVICFLOW_LANG");
    resolver.setDefaultLocaleFunction(LocaleConfiguration::defaultLocale);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    return resolver;
  }

  /** Pages stay Chinese until the person switches; API clients may negotiate. */
  static Locale defaultLocale(HttpServletRequest request) {
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    boolean english =
        request.getHeader("Accept-Language") != null
            && request.getLocale().getLanguage().equals("en");
    return api && english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}
