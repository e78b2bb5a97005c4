package org.interlend.libraries;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** The consortium's libraries, in rota order. */
@Service
public class Libraries {

  private static final RowMapper<Library> ROW =
      (rs, i) ->
          new Library(
              rs.getString("code"),
              rs.getString("name"),
              rs.getString("name_zh"),
              rs.getString("staff_group"),
              rs.getInt("rota_rank"),
              rs.getBoolean("allows_renewal"),
              rs.getBigDecimal("replacement_charge"),
              rs.getBigDecimal("processing_fee"),
              orDefault(
                  rs.getString("staff_email"), "ill-" + rs.getString("code") + "@interlend.local"),
              orDefault(
                  rs.getString("managers_email"),
                  "ill-managers-" + rs.getString("code") + "@interlend.local"));

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private final JdbcTemplate jdbc;

  public Libraries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Library> all() {
    return jdbc.query("select * from library order by rota_rank", ROW);
  }

  public Optional<Library> find(String code) {
    return jdbc.query("select * from library where code = ?", ROW, code).stream().findFirst();
  }

  public Library get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("no library " + code));
  }
}
