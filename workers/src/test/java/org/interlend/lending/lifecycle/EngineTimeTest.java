package org.interlend.lending.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineTimeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-03-01T02:00:00Z                          | 2026-03-01T02:00:00Z
          2026-03-01T10:00:00+08:00                     | 2026-03-01T02:00:00Z
          2026-03-01T10:00:00.250+08:00[Asia/Hong_Kong] | 2026-03-01T02:00:00.250Z
          2026-03-01T10:00:00@Asia/Hong_Kong            | 2026-03-01T02:00:00Z
          2026-03-01T02:00:00Z[Etc/UTC]                 | 2026-03-01T02:00:00Z
          2024-02-29T23:30:00+08:00                     | 2024-02-29T15:30:00Z
          """)
  void readsInstantsOffsetsAndFeelZonedDateTimes(String text, String expected) {
    assertThat(EngineTime.parse("t", text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "2026-03-01", "2026-03-01T10:00:00", "yesterday"})
  void refusesWhatIsNotAnInstantNamingTheVariable(String text) {
    assertThatThrownBy(() -> EngineTime.parse("checkoutAt", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkoutAt");
  }

  @org.junit.jupiter.api.Test
  void refusesAMissingValue() {
    assertThatThrownBy(() -> EngineTime.parse("returnedAt", null))
        .hasMessageContaining("returnedAt is missing");
  }
}
