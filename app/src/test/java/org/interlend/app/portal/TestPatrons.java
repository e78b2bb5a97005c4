package org.interlend.app.portal;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/** Patrons of the tests' own, with unique card numbers, so no test changes the demo rows. */
public final class TestPatrons {

  private TestPatrons() {}

  public static String create(JdbcTemplate jdbc, String category) {
    String id = "PT" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, ?, 'cityu')",
        id,
        "Test Patron " + id,
        id.toLowerCase() + "@test.example",
        category);
    return id;
  }
}
