package org.interlend.copying;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On today's main "3" and "No. 3" were different issues, so s.47 let a patron have two articles.
 */
class IssueKeyTest {

  @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
  @CsvSource(
      nullValues = "null",
      value = {
        "3, 3",
        "No. 3, 3",
        "no.3, 3",
        "NO 3, 3",
        "Issue 3, 3",
        "iss. 3, 3",
        "#3, 3",
        "03, 3",
        "第3期, 3",
        "Vol. 12, 12",
        "v.12, 12",
        "3-4, 3-4",
        "Nos. 3 / 4, 3-4",
        "Spring 2024, spring2024",
        "10, 10",
        "'  ', null",
        "No., null"
      })
  void normalises(String typed, String key) {
    assertThat(IssueKey.of(typed)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({
    "3, No. 3, true",
    "3, 4, false",
    "3, 3-4, false",
    "10, 1, false",
    "Issue 03, #3, true"
  })
  void same(String a, String b, boolean same) {
    assertThat(IssueKey.same(a, b)).isEqualTo(same);
  }
}
