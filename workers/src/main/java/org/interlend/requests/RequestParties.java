package org.interlend.requests;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The libraries a request involves: the patron's home library, and the library that lends or
 * supplies it (the lender asked now or that shipped, the loan's lender, the scanning supplier).
 * Staff act on a request only for one of these libraries.
 */
@Service
public class RequestParties {

  /** Who a request concerns. */
  public record Parties(
      String requestId, String patronId, String homeLibrary, Set<String> suppliers) {

    /** Every library involved: home first, then lenders and suppliers. */
    public Set<String> libraries() {
      Set<String> all = new LinkedHashSet<>();
      if (homeLibrary != null) {
        all.add(homeLibrary);
      }
      all.addAll(suppliers);
      return all;
    }
  }

  private final JdbcTemplate jdbc;

  public RequestParties(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Parties> of(String requestId) {
    List<Parties> found =
        jdbc.query(
            "select r.id, r.patron_id, p.home_library, pl.lender_code as asked,"
                + " lo.lender_code as lender, dr.supplier"
                + " from request r join patron p on p.id = r.patron_id"
                + " left join physical_loan pl on pl.request_id = r.id"
                + " left join loan lo on lo.request_id = r.id"
                + " left join digital_request dr on dr.request_id = r.id"
                + " where r.id = ?",
            (rs, i) -> {
              Set<String> suppliers = new LinkedHashSet<>();
              for (String column : new String[] {"asked", "lender", "supplier"}) {
                String code = rs.getString(column);
                if (code != null) {
                  suppliers.add(code);
                }
              }
              return new Parties(
                  rs.getString("id"),
                  rs.getString("patron_id"),
                  rs.getString("home_library"),
                  suppliers);
            },
            requestId);
    return found.stream().findFirst();
  }
}
