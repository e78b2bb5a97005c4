package org.interlend.workflows.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interlend.texts.PatronTexts;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models write patron-facing reasons and notes as codes of the patron texts: every code a model
 * names is in the bundle (in both languages), and no model writes a history note as English text.
 */
class ModelTextsTest {

  static final Pattern CODE =
      Pattern.compile("(?:\"|&quot;)((?:note|reason|label)\\.[a-z0-9.-]+)(?:\"|&quot;)");

  /** A note given as a plain string literal with words in it: English, not a code. */
  static final Pattern ENGLISH_NOTE =
      Pattern.compile(
          "source=(['\"])=(?:&quot;|\")[^\"&']*\\s[^\"&']*(?:&quot;|\")\\1 target=\"statusNote\"");

  final PatronTexts texts = new PatronTexts();

  @Test
  void everyCodeAModelNamesIsAPatronTextInBothLanguages() throws IOException {
    Set<String> codes = new TreeSet<>();
    var resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : new String[] {"classpath*:camunda/*.bpmn", "classpath*:camunda/*.dmn"}) {
      for (Resource model : resolver.getResources(pattern)) {
        scan(model, codes);
      }
    }
    assertThat(codes).hasSizeGreaterThan(25);
    for (String code : codes) {
      assertThat(texts.has(code)).as(code).isTrue();
      assertThat(texts.pattern(code, PatronTexts.CHINESE)).as(code + " in Chinese").isNotBlank();
      assertThat(texts.pattern(code, Locale.ENGLISH)).as(code).isNotBlank();
    }
  }

  private void scan(Resource model, Set<String> codes) throws IOException {
    String xml = new String(model.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher m = CODE.matcher(xml);
    while (m.find()) {
      codes.add(m.group(1));
    }
    assertThat(ENGLISH_NOTE.matcher(xml).find())
        .as(model.getFilename() + " writes a history note as English text, not as a code")
        .isFalse();
  }
}
