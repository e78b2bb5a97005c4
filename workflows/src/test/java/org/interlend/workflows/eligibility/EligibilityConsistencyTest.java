package org.interlend.workflows.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.interlend.eligibility.Eligibility;
import org.interlend.patrons.Patron;
import org.interlend.workflows.ProcessTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The three eligibility tables agree, for every patron category (HKU's 12 and the three that may
 * not borrow), evaluated by the engine as the portal asks them before a patron submits. On today's
 * main honorary staff and visiting scholars were research staff for copies but refused overseas,
 * and undergraduates were told their copies came from HKALL libraries only while overseas accepted
 * their copies.
 */
class EligibilityConsistencyTest extends ProcessTest {

  @Autowired Eligibility eligibility;

  static Patron patron(String category) {
    return new Patron(
        "P-x", "Test", "t@example", category, category, "cityu", false, null, 0, 15, 15, 0, 15);
  }

  @ParameterizedTest(name = "{0}: HKALL {1}, copies {2}, overseas books {3}, overseas copies {4}")
  @CsvSource({
    "ACADEMIC,           true,  true,  true,  true",
    "POSTGRADUATE,       true,  true,  true,  true",
    "HONORARY,           true,  true,  true,  true",
    "VISITING_SCHOLAR,   true,  true,  true,  true",
    "SPACE_ACADEMIC,     true,  true,  true,  true",
    "NON_ACADEMIC,       true,  true,  false, true",
    "TECHNICIAN,         true,  true,  false, true",
    "UNDERGRADUATE,      true,  true,  false, true",
    "SPACE_CDP,          true,  true,  false, true",
    "SPACE_CC_STUDENT,   true,  true,  false, true",
    "SPACE_NON_ACADEMIC, true,  true,  false, true",
    "CENTENNIAL_STUDENT, true,  true,  false, true",
    "ALUMNI,             false, false, false, false",
    "SHORT_COURSE,       false, false, false, false",
    "VISITING_STUDENT,   false, false, false, false"
  })
  void everyServiceAnswersTheSameForACategory(
      String category,
      boolean hkall,
      boolean copies,
      boolean overseasBooks,
      boolean overseasCopies) {
    Patron p = patron(category);
    assertThat(eligibility.hkall(p).eligible()).as("HKALL").isEqualTo(hkall);
    Eligibility.Verdict digital = eligibility.digital(p);
    assertThat(digital.eligible()).as("copies").isEqualTo(copies);
    assertThat(eligibility.overseas(p, "BOOK").eligible())
        .as("overseas books")
        .isEqualTo(overseasBooks);
    assertThat(eligibility.overseas(p, "COPY").eligible())
        .as("overseas copies")
        .isEqualTo(overseasCopies);
    if (copies && digital.note() != null) {
      // the note must not promise less than the overseas table gives
      assertThat(digital.note()).doesNotContain("HKALL libraries only");
    }
    if (!hkall) {
      assertThat(eligibility.hkall(p).reason()).isNotBlank();
    }
  }

  @ParameterizedTest
  @CsvSource({"UNDERGRADUATE"})
  void anAccountThatMayNotBorrowIsToldWhyBeforeItAsks(String category) {
    Patron atCap =
        new Patron(
            "P-x",
            "T",
            "t@e",
            category,
            "Undergraduates",
            "cityu",
            false,
            null,
            15,
            40,
            15,
            15,
            15);
    Patron blocked =
        new Patron(
            "P-y",
            "T",
            "t@e",
            category,
            "Undergraduates",
            "cityu",
            true,
            "Unpaid fines",
            0,
            15,
            15,
            0,
            15);
    assertThat(eligibility.hkall(atCap).reason()).startsWith("HKALL limit reached");
    assertThat(eligibility.hkall(blocked).reason()).contains("blocked");
    assertThat(eligibility.digital(blocked).eligible()).isFalse();
    assertThat(List.of(eligibility.overseas(blocked, "COPY").reason()))
        .allMatch(r -> r.contains("blocked"));
  }
}
