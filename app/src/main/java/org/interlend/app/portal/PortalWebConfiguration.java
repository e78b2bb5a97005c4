package org.interlend.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's languages: English and Traditional Chinese. The first visit follows the browser's
 * Accept-Language; {@code ?lang=en} or {@code ?lang=zh-TW} (the language switch) sets a cookie.
 */
@Configuration
public class PortalWebConfiguration implements WebMvcConfigurer {

  public static final Locale CHINESE = Locale.forLanguageTag("zh-TW");
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);

  @Bean
  public LocaleResolver localeResolver() {
    CookieLocaleResolver resolver =
        new CookieLocaleResolver("interlend-lang") {
          @Override
          public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
          }

          @Override
          public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
          }
        };
    resolver.setDefaultLocaleFunction(
        request -> request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale());
    return resolver;
  }

  /** Any Chinese is shown in Traditional Chinese, anything else in English. */
  static Locale supported(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh") ? CHINESE : Locale.ENGLISH;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(lang);
  }
}
