package org.interlend.workflows.overseas;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.interlend.overseas.Charges;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.storage.DocumentStore;
import org.interlend.workflows.ProcessTest;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the overseas and cost-approval process tests: each test creates its own patron
 * (own mail domain) and request; instances a test leaves running are cancelled afterwards, so that
 * other tests' time travel does not drive them on.
 */
abstract class OverseasProcessTestBase extends ProcessTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired Charges charges;
  @Autowired GreenMail mail;
  @Autowired DocumentStore store;

  private final List<Long> started = new ArrayList<>();

  record Patron(String id, String email) {}

  record Placed(Patron patron, String requestId, long instance) {}

  Patron patron(String category) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String id = "POV-" + suffix;
    String email = "reader@" + suffix + ".overseas.test";
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, ?, 'cityu')",
        id,
        "Overseas Reader " + suffix,
        email,
        category);
    return new Patron(id, email);
  }

  /** Places an overseas request as the API does: a request row, then the process. */
  Placed place(String category, String itemType, String purpose) {
    return place(patron(category), itemType, purpose, Map.of());
  }

  /** A copy of a chapter: pp. 45-67 of a 400-page book (under 10%), declared. */
  static Map<String, Object> chapterCopy() {
    return Map.of(
        "copyKind",
        "CHAPTER",
        "articleTitle",
        "Chapter 3",
        "pages",
        "45-67",
        "totalPages",
        400,
        "declaration",
        Map.of(
            "researchOrPrivateStudy",
            true,
            "notSuppliedBefore",
            true,
            "notRelatedToOtherPerson",
            true,
            "noRedistribution",
            true));
  }

  /** Places a request for this patron; {@code extra} adds or replaces start variables. */
  Placed place(Patron p, String itemType, String purpose, Map<String, Object> extra) {
    String title = "Rare Sources " + UUID.randomUUID().toString().substring(0, 6);
    String requestId = requests.create("OVERSEAS", p.id(), title).id();
    Map<String, Object> vars = new HashMap<>();
    vars.put("requestId", requestId);
    vars.put("patronId", p.id());
    vars.put("title", title);
    vars.put("itemType", itemType);
    vars.put("purpose", purpose);
    vars.put("author", "Author, A.");
    vars.put("isbn", "9780000000002");
    vars.put("year", 1911);
    if (itemType.equals("COPY")) {
      vars.putAll(chapterCopy());
    }
    vars.putAll(extra);
    long instance = started(start("overseas-request", vars));
    requests.attachProcess(requestId, instance);
    return new Placed(p, requestId, instance);
  }

  long started(long instance) {
    started.add(instance);
    return instance;
  }

  @AfterEach
  void cancelLeftovers() {
    for (long instance : started) {
      if (!projection.completed(instance) && !projection.terminated(instance)) {
        try {
          client.newCancelInstanceCommand(instance).send().join();
        } catch (RuntimeException ignored) {
          // it ended between the check and the cancel
        }
      }
    }
  }

  /** The staff sourcing answer for a partner that can supply. */
  static Map<String, Object> quote(String partner, double cost, String currency, String format) {
    Map<String, Object> v = new HashMap<>();
    v.put("sourcingResult", "FOUND");
    v.put("partnerCode", partner);
    v.put("estimatedCost", cost);
    v.put("currency", currency);
    v.put("deliveryEstimate", "6 weeks");
    v.put("format", format);
    return v;
  }

  void source(Placed r, Map<String, Object> answer) {
    OpenTask task = awaitTask(r.instance(), "sourceFromPartner");
    userTasks.complete(task.key(), answer);
  }

  /** The instance of {@code processId} called from {@code parent}, once it was started. */
  long awaitChild(long parent, String processId) {
    return await()
        .pollInSameThread()
        .atMost(WAIT)
        .until(() -> child(parent, processId), Optional::isPresent)
        .orElseThrow();
  }

  Optional<Long> child(long parent, String processId) {
    return children(parent, processId).stream().findFirst();
  }

  /** Instances of {@code processId} called from {@code parent}, in the order they started. */
  List<Long> children(long parent, String processId) {
    return projection.children(parent, processId);
  }

  /** Waits until the element is active in the instance (e.g. a message subscription is open). */
  void awaitActive(long instance, String elementId) {
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .failFast("an incident was raised", () -> !projection.openIncidents(instance).isEmpty())
        .until(() -> projection.active(instance, elementId));
  }

  void publish(String message, String requestId, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(requestId)
        .timeToLive(Duration.ofMinutes(1))
        .variables(variables)
        .send()
        .join();
  }

  void awaitStatus(String requestId, RequestStatus status) {
    await().pollInSameThread().atMost(WAIT).until(() -> requests.get(requestId).status() == status);
  }

  void awaitTerminal(long instance) {
    awaitCompleted(instance);
  }

  List<MimeMessage> mailTo(String email, String subjectPart) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(email))
                    && m.getSubject().contains(subjectPart);
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  void awaitMail(String email, String subjectPart) {
    await().pollInSameThread().atMost(WAIT).until(() -> !mailTo(email, subjectPart).isEmpty());
  }

  static String body(MimeMessage m) {
    try {
      return String.valueOf(m.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A small text PDF of {@code pages} pages, stored as the staff desk stores an upload. */
  String uploadPdf(int pages) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          content.showText("Overseas partner scan, page " + i);
          content.endText();
        }
      }
      document.save(out);
      return upload("partner-scan.pdf", out.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String upload(String name, byte[] bytes) {
    String key = "uploads/test/" + UUID.randomUUID() + "/" + name;
    store.put(
        key,
        new ByteArrayInputStream(bytes),
        bytes.length,
        "application/octet-stream",
        Map.of("original-name", name));
    return key;
  }
}
