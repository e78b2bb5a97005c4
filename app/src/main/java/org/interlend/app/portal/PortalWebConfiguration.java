package org.interlend.app.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.interlend.app.security.Actor;
import org.interlend.patrons.Patrons;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * The portal's languages: English and Traditional Chinese. The first visit follows the browser's
 * Accept-Language; {@code ?lang=en} or {@code ?lang=zh-TW} (the language switch) sets a cookie.
 *
 * <p>A signed-in patron's language is kept with the patron ({@link Patrons#language}), for the
 * mails and notes the workers write: the switch stores it, a sign-in stores the language chosen on
 * the sign-in page, and the first page a patron sees without having chosen stores the one shown.
 * Signed in, a patron sees the stored language on any device.
 */
@Configuration
public class PortalWebConfiguration implements WebMvcConfigurer {

  public static final Locale CHINESE = Locale.forLanguageTag("zh-TW");
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);

  public static final String COOKIE = "interlend-lang";
  private static final String RESOLVED = PortalWebConfiguration.class.getName() + ".locale";

  @Bean
  public LocaleResolver localeResolver(ObjectProvider<Patrons> patronsProvider) {
    CookieLocaleResolver resolver =
        new CookieLocaleResolver(COOKIE) {
          @Override
          public Locale resolveLocale(HttpServletRequest request) {
            if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
              return resolved;
            }
            Locale locale = supported(super.resolveLocale(request));
            String patron = signedInPatron();
            Patrons patrons = patronsProvider.getIfAvailable();
            if (patron != null && patrons != null) {
              Optional<Locale> stored = patrons.chosenLanguage(patron);
              if (stored.isPresent()) {
                locale = supported(stored.get());
              } else {
                patrons.setLanguage(patron, locale);
              }
            }
            request.setAttribute(RESOLVED, locale);
            return locale;
          }

          @Override
          public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext cookie = super.resolveLocaleContext(request);
            return new TimeZoneAwareLocaleContext() {
              @Override
              public Locale getLocale() {
                return resolveLocale(request);
              }

              @Override
              public TimeZone getTimeZone() {
                return cookie instanceof TimeZoneAwareLocaleContext t ? t.getTimeZone() : null;
              }
            };
          }

          @Override
          public void setLocale(
              HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
            request.removeAttribute(RESOLVED);
            String patron = signedInPatron();
            Patrons patrons = patronsProvider.getIfAvailable();
            if (locale != null && patron != null && patrons != null) {
              patrons.setLanguage(patron, supported(locale));
            }
          }
        };
    resolver.setDefaultLocaleFunction(
        request ->
            request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale());
    return resolver;
  }

  /** The signed-in patron's card number, or null for staff and visitors. */
  static String signedInPatron() {
    return Actor.of(SecurityContextHolder.getContext().getAuthentication()).patronId();
  }

  /**
   * At sign-in, keeps the language the patron chose on the sign-in page (the cookie of the switch),
   * so their mails follow it.
   */
  @Bean
  public ApplicationListener<InteractiveAuthenticationSuccessEvent> keepLanguageAtSignIn(
      ObjectProvider<Patrons> patronsProvider) {
    return event -> {
      String patron = Actor.of(event.getAuthentication()).patronId();
      Patrons patrons = patronsProvider.getIfAvailable();
      if (patron == null
          || patrons == null
          || !(RequestContextHolder.getRequestAttributes()
              instanceof ServletRequestAttributes attributes)) {
        return;
      }
      Cookie chosen = WebUtils.getCookie(attributes.getRequest(), COOKIE);
      if (chosen != null && chosen.getValue() != null && !chosen.getValue().isBlank()) {
        patrons.setLanguage(patron, supported(Locale.forLanguageTag(chosen.getValue())));
      }
    };
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
