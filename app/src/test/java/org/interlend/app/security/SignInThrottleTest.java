package org.interlend.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules, on a clock the test moves. */
class SignInThrottleTest {

  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-26T02:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovingClock clock = new MovingClock();
  final SignInThrottle throttle = new SignInThrottle(clock);

  @Test
  void fiveWrongPasswordsLockTheAccountForAMinuteThenLongerEachTime() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("P1001", "10.0.0.1");
      assertThat(throttle.refusal("P1001", "10.0.0.1")).isEmpty();
    }
    throttle.failed("P1001", "10.0.0.1");
    assertThat(throttle.refusal("p1001", "10.0.0.2"))
        .hasValueSatisfying(m -> assertThat(m).contains("this account").contains("a minute"));
    assertThat(throttle.refusal("P1002", "10.0.0.1")).as("another account").isEmpty();

    clock.now = clock.now.plus(Duration.ofSeconds(61));
    assertThat(throttle.refusal("P1001", "10.0.0.1")).isEmpty();
    throttle.failed("P1001", "10.0.0.1"); // the sixth: two minutes
    assertThat(throttle.refusal("P1001", "10.0.0.1"))
        .hasValueSatisfying(m -> assertThat(m).contains("2 minutes"));

    throttle.succeeded("P1001");
    assertThat(throttle.refusal("P1001", "10.0.0.1")).isEmpty();
  }

  @Test
  void anAddressTryingManyAccountsIsPausedAndTheLockNeverExceedsFifteenMinutes() {
    for (int i = 0; i < SignInThrottle.ADDRESS_LIMIT; i++) {
      throttle.failed("guess" + i, "10.9.9.9");
    }
    assertThat(throttle.refusal("somebody", "10.9.9.9"))
        .hasValueSatisfying(m -> assertThat(m).contains("network address").contains("5 minutes"));
    assertThat(throttle.refusal("somebody", "10.9.9.8")).isEmpty();

    for (int i = 0; i < 20; i++) {
      throttle.failed("P1003", null);
    }
    assertThat(throttle.refusal("P1003", null))
        .hasValueSatisfying(m -> assertThat(m).contains("15 minutes"));
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("P1004", null);
    }
    clock.now = clock.now.plus(SignInThrottle.WINDOW).plusSeconds(1);
    throttle.failed("P1004", null);
    assertThat(throttle.refusal("P1004", null)).isEmpty();
  }
}
