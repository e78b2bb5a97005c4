package org.interlend.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The patron texts: both languages have the same keys and arguments; codes render in each. */
class PatronTextsTest {

  final PatronTexts texts = new PatronTexts();

  static Set<String> arguments(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\s*([A-Za-z0-9_.]+)\\s*(\\|\\s*[a-z]+\\s*)?}").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void englishAndTraditionalChineseHaveTheSameKeysAndArguments() {
    Set<String> english = texts.keys(Locale.ENGLISH);
    Set<String> chinese = texts.keys(PatronTexts.CHINESE);
    assertThat(english).isNotEmpty();
    assertThat(chinese).as("keys of patron-texts_zh_TW.properties").isEqualTo(english);
    for (String key : english) {
      String en = texts.pattern(key, Locale.ENGLISH);
      String zh = texts.pattern(key, PatronTexts.CHINESE);
      assertThat(zh).as(key).isNotBlank().isNotEqualTo(en);
      assertThat(arguments(zh)).as("arguments of " + key).isEqualTo(arguments(en));
      assertThat(zh).as(key + " is Chinese").containsPattern("\\p{IsHan}");
    }
  }

  @Test
  void aCodedTextRendersInEachLanguageAndFreeTextStaysAsItIs() {
    Map<String, Object> note = Map.of("code", "note.loan.renewed", "dueDate", "2026-05-04");
    assertThat(texts.render(note, Locale.ENGLISH)).isEqualTo("Renewed until 2026-05-04");
    assertThat(texts.render(note, PatronTexts.CHINESE)).isEqualTo("已續借至 2026-05-04");
    assertThat(texts.render("reason.hkall.alumni", Locale.forLanguageTag("zh-HK")))
        .isEqualTo("校友不符合港書網借閱資格。");
    assertThat(texts.render("Patron phoned: will collect on Friday", PatronTexts.CHINESE))
        .isEqualTo("Patron phoned: will collect on Friday");
    assertThat(texts.render(null, PatronTexts.CHINESE)).isNull();
  }

  @Test
  void anArgumentThatIsItselfACodeIsRenderedToo() {
    Map<String, Object> note =
        Map.of("code", "note.digital.rejected", "reason", "reason.quota-used-up");
    assertThat(texts.render(note, PatronTexts.CHINESE))
        .isEqualTo("您的申請限額已用完：請先歸還或完成較早的申請。 您可改為申請借閱實體資料。");
    assertThat(texts.render(note, Locale.ENGLISH))
        .isEqualTo(
            "Your request quota is used up: return or finish an earlier request first. You may request"
                + " the physical item on loan instead.");
  }

  @Test
  void languageTagsAreEnglishOrTraditionalChinese() {
    assertThat(PatronTexts.tag(PatronTexts.locale("zh-HK"))).isEqualTo("zh-TW");
    assertThat(PatronTexts.tag(PatronTexts.locale("zh"))).isEqualTo("zh-TW");
    assertThat(PatronTexts.tag(PatronTexts.locale("fr"))).isEqualTo("en");
    assertThat(PatronTexts.tag(PatronTexts.locale(null))).isEqualTo("en");
  }
}
