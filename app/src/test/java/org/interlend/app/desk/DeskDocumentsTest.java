package org.interlend.app.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.WebSession;
import org.interlend.requests.Requests;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The desk's upload, in the shape of Camunda's {@code POST /v2/documents/batch} that Tasklist's
 * file picker uses: one part per file with its {@code X-Document-Metadata}, answered with the
 * document references; only files the task's form accepts, only so many, only for the task's staff.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeskDocumentsTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired UserTasks userTasks;

  final ObjectMapper json = new ObjectMapper();
  OpenTask scan;
  WebSession supplier;

  @BeforeEach
  void aScanTaskOfHku() throws Exception {
    String patron = "PD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, 'Upload Test', ?, 'ACADEMIC', 'cityu')",
        patron,
        patron.toLowerCase() + "@test.example");
    String isbn =
        "979" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    long bib =
        jdbc.queryForObject(
            "insert into bib (title, isbn) values ('Upload Book', ?) returning id",
            Long.class,
            isbn);
    jdbc.update(
        "insert into item (bib_id, library_code, barcode, format, collection, status) values (?, 'hku', ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
        bib,
        "UP" + isbn);
    HttpResponse<String> placed =
        new WebSession(port)
            .api(
                "POST",
                "/api/digital-requests",
                patron,
                """
                {"kind": "CHAPTER", "title": "Upload Book", "isbn": "%s", "chapter": "2",
                 "pageStart": 11, "pageEnd": 13, "totalPages": 200,
                 "declaration": {"researchOrPrivateStudy": true, "notSuppliedBefore": true,
                                 "notRelatedToOtherPerson": true, "noRedistribution": true}}
                """
                    .formatted(isbn));
    assertThat(placed.statusCode()).isEqualTo(201);
    long instance =
        requests.get(json.readTree(placed.body()).path("id").asText()).processInstanceKey();
    scan =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    userTasks.open().stream()
                        .filter(
                            t ->
                                t.processInstanceKey() == instance
                                    && t.elementId().equals("scanAndUpload"))
                        .findFirst()
                        .orElse(null),
                t -> t != null);
    supplier = new WebSession(port).signIn(scan.candidateGroups().get(0));
    supplier.page("/desk/tasks/" + scan.key());
  }

  @Test
  void aFileTheFormAcceptsBecomesADocumentReferenceWithItsPickerKey() throws Exception {
    byte[] pdf = "%PDF-1.4\n% a scan\n".getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> answer =
        upload(List.of(new Part("chapter 2.pdf", "application/pdf", pdf, "files::abc")));

    assertThat(answer.statusCode()).isEqualTo(201);
    JsonNode references = json.readTree(answer.body());
    assertThat(references).hasSize(1);
    JsonNode reference = references.get(0);
    assertThat(reference.path("camunda.document.type").asText()).isEqualTo("camunda");
    assertThat(reference.path("storeId").asText()).isEqualTo("interlend-local");
    assertThat(reference.path("documentId").asText()).isNotBlank();
    assertThat(reference.path("contentHash").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(reference.at("/metadata/fileName").asText()).isEqualTo("chapter 2.pdf");
    assertThat(reference.at("/metadata/contentType").asText()).isEqualTo("application/pdf");
    assertThat(reference.at("/metadata/size").asLong()).isEqualTo(pdf.length);
    assertThat(reference.at("/metadata/customProperties/pickerKey").asText())
        .isEqualTo("files::abc");
  }

  @Test
  void aFileOfAnotherKindTooManyFilesOrAnotherLibrarysTaskAreRefusedWithTheReason()
      throws Exception {
    HttpResponse<String> wrongKind =
        upload(
            List.of(
                new Part(
                    "notes.docx", "application/octet-stream", new byte[] {1, 2, 3}, "files::x")));
    assertThat(wrongKind.statusCode()).isEqualTo(415);
    assertThat(json.readTree(wrongKind.body()).path("detail").asText())
        .isEqualTo(
            "notes.docx cannot be uploaded here; this task takes .pdf, .jpg, .jpeg, .png, .tif, .tiff.");

    List<Part> many = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add(
          new Part(
              "page-" + i + ".jpg",
              "image/jpeg",
              new byte[] {(byte) 0xFF, (byte) 0xD8},
              "files::x"));
    }
    HttpResponse<String> tooMany = upload(many);
    assertThat(tooMany.statusCode()).isEqualTo(413);
    assertThat(json.readTree(tooMany.body()).path("detail").asText()).contains("at most 20 files");

    WebSession other = new WebSession(port).signIn("staff-lingnan");
    other.page("/desk");
    HttpResponse<String> foreign =
        other.postBody(
            "/desk/documents?task=" + scan.key(),
            "multipart/form-data; boundary=b",
            multipart(List.of(new Part("a.pdf", "application/pdf", new byte[] {1}, "files::y"))));
    assertThat(foreign.statusCode()).isEqualTo(403);
  }

  record Part(String fileName, String contentType, byte[] content, String pickerKey) {}

  private HttpResponse<String> upload(List<Part> parts) throws Exception {
    return supplier.postBody(
        "/desk/documents?task=" + scan.key(), "multipart/form-data; boundary=b", multipart(parts));
  }

  /** The body Tasklist's upload sends: one part per file, each with its X-Document-Metadata. */
  private static byte[] multipart(List<Part> parts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      out.write(
          ("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + p.fileName()
                  + "\"\r\n"
                  + "Content-Type: "
                  + p.contentType()
                  + "\r\n"
                  + "X-Document-Metadata: {\"customProperties\":{\"pickerKey\":\""
                  + p.pickerKey()
                  + "\"}}\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(p.content());
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write("--b--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
