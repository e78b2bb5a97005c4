package org.interlend.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {

  final NoticeTemplates templates = new NoticeTemplates();

  Map<String, Object> values(String reason) {
    Map<String, Object> v = new HashMap<>();
    v.put("requestId", "R-1001");
    v.put("title", "A Book");
    v.put("patronName", "Chan Tai Man");
    v.put("portalUrl", "http://localhost:8080/portal");
    v.put("cancelReason", reason);
    return v;
  }

  @Test
  void aPatronsOwnCancelIsAsTheyAskedAndAStaffCancelGivesTheReason() {
    for (String template :
        new String[] {"physical-cancelled", "overseas-cancelled", "digital-cancelled"}) {
      String own = templates.render(template, values(null)).body();
      assertThat(own)
          .as(template)
          .containsIgnoringCase("as you asked")
          .doesNotContain("Reason:")
          .doesNotContain("{{");

      String byStaff = templates.render(template, values("the item is damaged beyond use")).body();
      assertThat(byStaff)
          .as(template)
          .contains("Reason: the item is damaged beyond use")
          .doesNotContainIgnoringCase("as you asked")
          .doesNotContain("{{");
    }
  }

  @Test
  void aBlankOrFalseValueCountsAsAbsent() {
    assertThat(templates.render("digital-cancelled", values("  ")).body()).contains("As you asked");
  }
}
