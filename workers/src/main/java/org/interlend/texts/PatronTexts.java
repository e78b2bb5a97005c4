package org.interlend.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one home of the short patron-facing texts the workers and processes write: refusal reasons,
 * cancel and unfilled reasons, history notes. English in {@code classpath:patron-texts.properties},
 * Traditional Chinese in {@code patron-texts_zh_TW.properties} (both UTF-8, the same keys).
 *
 * <p>A text is written as a <em>coded text</em> and rendered in the reader's language when shown:
 * either a map (a FEEL context in the models) {@code {code: "note.renewed", dueDate: "2026-05-01"}}
 * whose other entries are the arguments, or just a string that is a code of the bundle. Anything
 * else (a reason staff typed, a note written before codes) is free text and shown as it is. In a
 * text, {@code {name}} is replaced by the argument (itself rendered if it is a coded text); amounts
 * come formatted. The module depends on no other, so every module may use it.
 */
@Component
public class PatronTexts {

  public static final Locale CHINESE = Locale.forLanguageTag("zh-TW");
  public static final String CODE = "code";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([A-Za-z0-9_.]+)\\s*}");

  private final Properties english = load("/patron-texts.properties");
  private final Properties chinese = load("/patron-texts_zh_TW.properties");

  /** A code of the bundle and its arguments. */
  public record Coded(String code, Map<String, Object> args) {}

  /** The language of a tag ("zh-TW", "zh-HK", "en", null): any Chinese is Traditional Chinese. */
  public static Locale locale(String tag) {
    return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : Locale.ENGLISH;
  }

  /** The tag stored for a language: "zh-TW" or "en". */
  public static String tag(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh") ? "zh-TW" : "en";
  }

  /**
   * The language of the web request being answered (the portal's choice, or the API client's
   * Accept-Language), English outside one (workers, schedulers).
   */
  public static Locale current() {
    LocaleContext context = LocaleContextHolder.getLocaleContext();
    return context == null || context.getLocale() == null
        ? Locale.ENGLISH
        : locale(tag(context.getLocale()));
  }

  /** The value in the language of the current web request ({@link #current()}). */
  public String render(Object value) {
    return render(value, current());
  }

  public boolean has(String code) {
    return code != null && english.containsKey(code);
  }

  /** The value as a coded text, or empty if it is free text (or nothing). */
  public Optional<Coded> coded(Object value) {
    if (value instanceof Coded c) {
      return Optional.of(c);
    }
    if (value instanceof Map<?, ?> map && map.get(CODE) instanceof String code) {
      Map<String, Object> args = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (!CODE.equals(k)) {
              args.put(String.valueOf(k), v);
            }
          });
      return Optional.of(new Coded(code, args));
    }
    if (value instanceof String s && has(s.strip())) {
      return Optional.of(new Coded(s.strip(), Map.of()));
    }
    return Optional.empty();
  }

  /** The value in the language: a coded text rendered, free text as it is, null as null. */
  public String render(Object value, Locale locale) {
    if (value == null) {
      return null;
    }
    return coded(value)
        .map(c -> text(c.code(), c.args(), locale))
        .orElseGet(() -> String.valueOf(value));
  }

  /** The text of the code in the language, with its arguments. */
  public String text(String code, Map<String, ?> args, Locale locale) {
    Properties texts = tag(locale).equals("zh-TW") ? chinese : english;
    String pattern = texts.getProperty(code, english.getProperty(code));
    if (pattern == null) {
      throw new IllegalArgumentException("no patron text " + code);
    }
    Matcher m = PLACEHOLDER.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object arg = args == null ? null : args.get(m.group(1));
      String value = arg == null ? "" : render(arg, locale);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The keys of a language's bundle (for tests). */
  public java.util.Set<String> keys(Locale locale) {
    return (tag(locale).equals("zh-TW") ? chinese : english).stringPropertyNames();
  }

  /** The raw text of a key in a language (for tests). */
  public String pattern(String code, Locale locale) {
    return (tag(locale).equals("zh-TW") ? chinese : english).getProperty(code);
  }

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = PatronTexts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
    return p;
  }
}
