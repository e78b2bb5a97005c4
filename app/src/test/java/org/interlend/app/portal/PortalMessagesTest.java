package org.interlend.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's own words (messages.properties) are in English and Traditional Chinese with the same
 * keys and the same {0} arguments. The reasons and notes the workers write are not here but in the
 * patron texts (workers' PatronTextsTest checks those).
 */
class PortalMessagesTest {

  static Properties load(String resource) throws Exception {
    Properties p = new Properties();
    try (InputStream in = PortalMessagesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static Set<String> arguments(String text) {
    Set<String> args = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)[^}]*}").matcher(text);
    while (m.find()) {
      args.add(m.group(1));
    }
    return args;
  }

  @Test
  void englishAndTraditionalChineseHaveTheSameKeysAndArguments() throws Exception {
    Properties en = load("/messages.properties");
    Properties zh = load("/messages_zh_TW.properties");
    assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(arguments(zh.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
    }
  }

  /** A sentence lives in one place: the portal's words or the patron texts, not both. */
  @Test
  void noPatronTextIsAlsoAPortalMessage() throws Exception {
    Properties en = load("/messages.properties");
    Properties texts = load("/patron-texts.properties");
    Set<String> portal = new TreeSet<>();
    en.values().forEach(v -> portal.add(v.toString().strip()));
    for (String key : texts.stringPropertyNames()) {
      if (texts.getProperty(key).strip().split("\\s+").length < 3) {
        continue; // a word like "Returned" may be both a status label and a note
      }
      assertThat(portal)
          .as("patron text " + key + " written again in messages.properties")
          .doesNotContain(texts.getProperty(key).strip());
    }
  }
}
