package org.interlend.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.interlend.texts.PatronTexts;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every patron notice has a Traditional Chinese version with the same placeholders and sections;
 * staff notices are English only; a notice is written in the language asked for.
 */
class NoticeLanguagesTest {

  /** Notices to library staff and managers: English only. */
  static final Set<String> STAFF =
      Set.of(
          "deadline-escalated",
          "deadline-reminder",
          "overseas-staff-overdue",
          "overseas-staff-reminder",
          "physical-lender-late",
          "physical-put-back");

  final NoticeTemplates templates = new NoticeTemplates();

  static Map<String, String> templates(String pattern) throws IOException {
    Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
    Map<String, String> byName = new HashMap<>();
    for (Resource r : found) {
      byName.put(
          r.getFilename().replaceFirst("\\.txt$", ""),
          new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return byName;
  }

  static Set<String> tags(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m =
        Pattern.compile("\\{\\{\\s*([#^/]?[A-Za-z0-9_.]+)\\s*(\\|\\s*[a-z]+\\s*)?}}").matcher(text);
    while (m.find()) {
      names.add(m.group(1) + (m.group(2) == null ? "" : m.group(2).replace(" ", "")));
    }
    return names;
  }

  @Test
  void everyPatronNoticeHasATraditionalChineseVersionWithTheSamePlaceholders() throws IOException {
    Map<String, String> english = templates("classpath*:notices/*.txt");
    Map<String, String> chinese = templates("classpath*:notices/zh-TW/*.txt");
    assertThat(english).hasSizeGreaterThan(20);
    Set<String> patronNotices =
        english.keySet().stream().filter(n -> !STAFF.contains(n)).collect(Collectors.toSet());
    assertThat(english.keySet()).containsAll(STAFF);
    assertThat(chinese.keySet()).as("notices/zh-TW").isEqualTo(patronNotices);
    for (String name : patronNotices) {
      String en = english.get(name);
      String zh = chinese.get(name);
      assertThat(zh).as(name).startsWith("Subject: ").containsPattern("\\p{IsHan}");
      assertThat(tags(zh)).as("placeholders and sections of zh-TW/" + name).isEqualTo(tags(en));
      assertThat(tags(firstLine(zh)))
          .as("subject placeholders of " + name)
          .isEqualTo(tags(firstLine(en)));
    }
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  @Test
  void aNoticeIsWrittenInTheLanguageAskedForAndStaffNoticesInEnglish() {
    Map<String, Object> v = new HashMap<>();
    v.put("requestId", "R-1001");
    v.put("title", "A Book");
    v.put("patronName", "陳大文");
    v.put("portalUrl", "http://localhost:8080/portal");
    v.put("rejectionReason", "reason.hkall.alumni");

    var zh = templates.render("physical-rejected", PatronTexts.CHINESE, v);
    assertThat(zh.subject()).isEqualTo("港書網申請 R-1001 未獲接納：A Book");
    assertThat(zh.body()).contains("校友不符合港書網借閱資格。").contains("R-1001").doesNotContain("{{");

    var en = templates.render("physical-rejected", java.util.Locale.ENGLISH, v);
    assertThat(en.subject()).isEqualTo("HKALL request R-1001 not accepted: A Book");
    assertThat(en.body()).contains("Alumni are not eligible for HKALL borrowing.");

    v.put("deadlineTaskName", "Pull and ship");
    v.put("deadlineLibraryName", "HKU");
    v.put("taskEscalateBy", "2026-05-04 17:00");
    assertThat(templates.render("deadline-reminder", PatronTexts.CHINESE, v).subject())
        .startsWith("Reminder:");
  }

  @Test
  void amountsDatesAndFreeTextAreKeptInTheChineseNotice() {
    Map<String, Object> v = new HashMap<>();
    v.put("requestId", "R-2002");
    v.put("title", "Some Journal");
    v.put("patronName", "Chan");
    v.put("portalUrl", "http://x");
    v.put("patronCharge", "480");
    v.put("chargeAnswerBy", "2026-06-01");
    var zh = templates.render("cost-charge-offered", PatronTexts.CHINESE, v);
    assertThat(zh.subject()).contains("R-2002").contains("HK$480.00");
    assertThat(zh.body()).contains("2026-06-01").contains("HK$480.00");

    v.put("cancelReason", "the item is damaged beyond use");
    assertThat(templates.render("digital-cancelled", PatronTexts.CHINESE, v).body())
        .contains("原因：the item is damaged beyond use")
        .doesNotContain("按您的要求");
    v.remove("cancelReason");
    assertThat(templates.render("digital-cancelled", PatronTexts.CHINESE, v).body())
        .contains("按您的要求");
    assertThat(Arrays.asList("Chan", "R-2002"))
        .allMatch(s -> zh.body().contains(s) || zh.subject().contains(s));
  }
}
