package org.interlend.notices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interlend.requests.Money;
import org.interlend.texts.PatronTexts;
import org.springframework.stereotype.Component;

/**
 * Mail templates under {@code classpath:notices/<name>.txt}: the first line is {@code Subject:
 * ...}, the rest is the body; {@code {{name}}} is replaced by the value of that name, {@code
 * {{name|hkd}}} by that amount in Hong Kong dollars ("HK$1,234.50"). A section {@code
 * {{#name}}...{{/name}}} is kept only when the value is present (not null, blank or false), and
 * {@code {{^name}}...{{/name}}} only when it is not: one template says "as you asked" to a patron
 * who cancelled and gives the library's reason to one whose request staff cancelled.
 *
 * <p>Languages: a notice to a patron is written in the patron's language, from {@code
 * classpath:notices/zh-TW/<name>.txt} for Traditional Chinese (every patron notice has one, with
 * the same placeholders and sections; staff notices are English only). A value that is a coded text
 * of the {@link PatronTexts} (a reason, a note) is rendered in that language too.
 */
@Component
public class NoticeTemplates {

  /** The folder of the Traditional Chinese templates, under {@code notices/}. */
  public static final String CHINESE_FOLDER = "zh-TW";

  private final PatronTexts texts;

  @org.springframework.beans.factory.annotation.Autowired
  public NoticeTemplates(PatronTexts texts) {
    this.texts = texts;
  }

  public NoticeTemplates() {
    this(new PatronTexts());
  }

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(?:\\|\\s*([a-z]+)\\s*)?}}");
  private static final Pattern SECTION =
      Pattern.compile("\\{\\{([#^])([A-Za-z0-9_.]+)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);

  public record Rendered(String subject, String body) {}

  /** The English notice (staff notices, and patrons who use English). */
  public Rendered render(String template, Map<String, ?> values) {
    return render(template, Locale.ENGLISH, values);
  }

  /**
   * The notice in the language: Traditional Chinese for {@code zh*} when the template has a Chinese
   * version (staff notices have none), else English.
   */
  public Rendered render(String template, Locale locale, Map<String, ?> values) {
    boolean chinese =
        PatronTexts.tag(locale).equals("zh-TW") && exists(CHINESE_FOLDER + "/" + template);
    Locale language = chinese ? PatronTexts.CHINESE : Locale.ENGLISH;
    String text = load(chinese ? CHINESE_FOLDER + "/" + template : template);
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    if (!first.startsWith("Subject:")) {
      throw new IllegalStateException(
          "notice template " + template + " must start with 'Subject:'");
    }
    String body = newline < 0 ? "" : text.substring(newline + 1).strip() + "\n";
    return new Rendered(
        fill(first.substring("Subject:".length()).strip(), values, language),
        fill(body, values, language));
  }

  private String fill(String text, Map<String, ?> values, Locale language) {
    Matcher sections = SECTION.matcher(text);
    StringBuilder kept = new StringBuilder();
    while (sections.find()) {
      boolean present = present(values.get(sections.group(2)));
      boolean show = sections.group(1).equals("#") == present;
      sections.appendReplacement(kept, Matcher.quoteReplacement(show ? sections.group(3) : ""));
    }
    sections.appendTail(kept);
    Matcher m = PLACEHOLDER.matcher(kept.toString());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = values.get(m.group(1));
      String value =
          m.group(2) == null ? (v == null ? "" : texts.render(v, language)) : format(m.group(2), v);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code {{amount|hkd}}}: an amount as "HK$1,234.50". */
  private static String format(String filter, Object value) {
    return switch (filter) {
      case "hkd" -> Money.hkd(value);
      default -> throw new IllegalStateException("unknown notice filter |" + filter);
    };
  }

  private static boolean present(Object value) {
    return value != null && !(value instanceof Boolean b && !b) && !String.valueOf(value).isBlank();
  }

  private static boolean exists(String template) {
    return NoticeTemplates.class.getResource("/notices/" + template + ".txt") != null;
  }

  private static String load(String template) {
    if (!template.matches("(zh-TW/)?[a-z0-9-]+")) {
      throw new IllegalArgumentException("bad notice template name " + template);
    }
    try (InputStream in =
        NoticeTemplates.class.getResourceAsStream("/notices/" + template + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("no notice template " + template);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read notice template " + template, e);
    }
  }
}
