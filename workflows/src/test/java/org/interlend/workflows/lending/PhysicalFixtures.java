package org.interlend.workflows.lending;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.requests.StatusChange;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data of the physical-loan tests: each test makes its own patrons and titles (unique ids), so
 * that tests neither see nor change the demo rows or each other's.
 */
public final class PhysicalFixtures {

  private final JdbcTemplate jdbc;
  private final Requests requests;
  private final GreenMail mail;

  public PhysicalFixtures(JdbcTemplate jdbc, Requests requests, GreenMail mail) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.mail = mail;
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A patron of the home library (cityu). */
  public String patron(String category, int loansInUse, boolean blocked) {
    String id = "PT-" + unique();
    jdbc.update(
        "insert into patron (id, name, email, category, home_library, blocked, blocked_reason,"
            + " loans_in_use) values (?, ?, ?, ?, 'cityu', ?, ?, ?)",
        id,
        "Test Patron " + id,
        id.toLowerCase() + "@test.cityu.example",
        category,
        blocked,
        blocked ? "Unpaid fines over HK$200" : null,
        loansInUse);
    return id;
  }

  String patron(String category) {
    return patron(category, 0, false);
  }

  public String email(String patronId) {
    return jdbc.queryForObject("select email from patron where id = ?", String.class, patronId);
  }

  public int loansInUse(String patronId) {
    return jdbc.queryForObject(
        "select loans_in_use from patron where id = ?", Integer.class, patronId);
  }

  long title() {
    return jdbc.queryForObject(
        "insert into bib (title, author) values (?, 'Test, Author') returning id",
        Long.class,
        "Test title " + unique());
  }

  /** A copy; {@code spec} is "library:FORMAT:COLLECTION:STATUS[:nfl]". */
  long copy(long bibId, String spec) {
    String[] p = spec.split(":");
    return jdbc.queryForObject(
        "insert into item (bib_id, library_code, barcode, format, collection, status, not_for_loan)"
            + " values (?, ?, ?, ?, ?, ?, ?) returning id",
        Long.class,
        bibId,
        p[0],
        "T" + unique(),
        p[1],
        p[2],
        p[3],
        p.length > 4 && p[4].equals("nfl"));
  }

  /** An available general-collection book at each library. */
  public long titleAt(String... libraries) {
    long bib = title();
    for (String library : libraries) {
      copy(bib, library + ":BOOK:GENERAL:AVAILABLE");
    }
    return bib;
  }

  String itemStatus(long bibId, String library) {
    return jdbc.queryForObject(
        "select status from item where bib_id = ? and library_code = ? order by id limit 1",
        String.class,
        bibId,
        library);
  }

  public RequestStatus awaitStatus(String requestId, RequestStatus status) {
    return await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(20))
        .until(() -> requests.get(requestId).status(), s -> s == status);
  }

  List<RequestStatus> statuses(String requestId) {
    return requests.history(requestId).stream().map(StatusChange::status).toList();
  }

  StatusChange last(String requestId) {
    List<StatusChange> h = requests.history(requestId);
    return h.get(h.size() - 1);
  }

  /** Subjects of the mails sent to the address. */
  public List<String> mailsTo(String address) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> to(m).contains(address))
        .map(PhysicalFixtures::subject)
        .toList();
  }

  private static String to(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (Exception e) {
      return "";
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }
}
