package org.interlend.copying;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Chooses who scans a copy: the consortium libraries holding the title (matched by ISBN or ISSN,
 * else by exact title) on the shelf, in rota order, other than the patron's home library (whose own
 * staff copy from their own stock without interlibrary supply); after them the configured default
 * supplier. Libraries that said "cannot supply" are skipped.
 */
@Service
public class Suppliers {

  private final JdbcTemplate jdbc;
  private final Libraries libraries;
  private final CopyingProperties properties;

  public Suppliers(JdbcTemplate jdbc, Libraries libraries, CopyingProperties properties) {
    this.jdbc = jdbc;
    this.libraries = libraries;
    this.properties = properties;
  }

  /** Candidate suppliers in the order they are asked. */
  public List<Library> candidates(String requestId) {
    List<String> codes =
        jdbc.queryForList(
            "select l.code from library l where exists ("
                + " select 1 from item i join bib b on b.id = i.bib_id, digital_request d"
                + " where d.request_id = ? and i.library_code = l.code and i.status = 'AVAILABLE'"
                + " and i.format in ('BOOK', 'JOURNAL', 'MICROFORM')"
                + " and (case when coalesce(d.isbn, d.issn) is not null"
                + "   then replace(coalesce(b.isbn, ''), '-', '') = coalesce(d.isbn, '-')"
                + "     or upper(replace(coalesce(b.issn, ''), '-', '')) = coalesce(d.issn, '-')"
                + "   else lower(b.title) = lower(d.title) end))"
                + " and l.code <> (select p.home_library from request r join patron p"
                + "   on p.id = r.patron_id where r.id = ?)"
                + " order by l.rota_rank",
            String.class,
            requestId,
            requestId);
    List<Library> candidates = new ArrayList<>();
    codes.forEach(code -> candidates.add(libraries.get(code)));
    if (properties.defaultSupplier() != null
        && candidates.stream().noneMatch(l -> l.code().equals(properties.defaultSupplier()))) {
      candidates.add(libraries.get(properties.defaultSupplier()));
    }
    return candidates;
  }

  /** The first candidate not yet asked, or empty when every one has been. */
  public Optional<Library> next(String requestId, Collection<String> alreadyAsked) {
    return candidates(requestId).stream().filter(l -> !alreadyAsked.contains(l.code())).findFirst();
  }
}
