package org.interlend.app.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interlend.app.local.LocalMode;
import org.interlend.app.security.Actor;
import org.interlend.documents.DocumentReference;
import org.interlend.documents.LocalDocuments;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's document upload, in the shape of Camunda's {@code POST /v2/documents/batch} that
 * Tasklist's file picker uses: a multipart request with one part per file, each with the header
 * {@code X-Document-Metadata: {"customProperties":{"pickerKey":"files::…"}}}; the answer (201) is
 * the list of document references, which the page puts into the file-picker variable (an array of
 * references, as Tasklist does). Each file is stored by {@link LocalDocuments}. Only files that the
 * task's form accepts, at most {@code interlend.desk.max-files} of at most {@code
 * interlend.desk.max-file-size} each; nothing is kept when one is refused.
 */
@RestController
@Conditional(LocalMode.class)
class DeskDocumentsController {

  static final String METADATA_HEADER = "X-Document-Metadata";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalDocuments documents;
  private final UserTasks userTasks;
  private final DeskTasks tasks;
  private final int maxFiles;
  private final DataSize maxFileSize;

  DeskDocumentsController(
      LocalDocuments documents,
      UserTasks userTasks,
      DeskTasks tasks,
      @Value("${interlend.desk.max-files:20}") int maxFiles,
      @Value("${interlend.desk.max-file-size:50MB}") DataSize maxFileSize) {
    this.documents = documents;
    this.userTasks = userTasks;
    this.tasks = tasks;
    this.maxFiles = maxFiles;
    this.maxFileSize = maxFileSize;
  }

  @PostMapping(path = "/desk/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> upload(
      @RequestParam("task") long taskKey, HttpServletRequest request, Principal principal)
      throws IOException, ServletException {
    OpenTask task = userTasks.find(taskKey).orElse(null);
    if (task == null) {
      return problem(
          HttpStatus.CONFLICT, "Task " + taskKey + " is no longer open: nothing was uploaded.");
    }
    if (!DeskTasks.forGroups(task, DeskTasks.groups(Actor.of(principal)))) {
      return problem(
          HttpStatus.FORBIDDEN,
          "Task " + taskKey + " is for " + String.join(", ", task.candidateGroups()) + ".");
    }
    TaskForm form = tasks.form(task);
    List<Part> files = new ArrayList<>();
    for (Part part : request.getParts()) {
      if (part.getSubmittedFileName() != null) {
        files.add(part);
      }
    }
    if (files.isEmpty()) {
      return problem(HttpStatus.BAD_REQUEST, "No file was sent.");
    }
    if (files.size() > maxFiles) {
      return problem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          files.size()
              + " files were sent; at most "
              + maxFiles
              + " files can be uploaded at once.");
    }
    for (Part file : files) {
      if (file.getSize() > maxFileSize.toBytes()) {
        return problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            file.getSubmittedFileName()
                + " is "
                + DataSize.ofBytes(file.getSize()).toMegabytes()
                + " MB; each file may be at most "
                + maxFileSize.toMegabytes()
                + " MB.");
      }
      if (file.getSize() == 0) {
        return problem(HttpStatus.BAD_REQUEST, file.getSubmittedFileName() + " is empty.");
      }
      if (form.filePickers().isEmpty()
          || !form.accepts(file.getSubmittedFileName(), file.getContentType())) {
        return problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            file.getSubmittedFileName()
                + " cannot be uploaded here"
                + (form.filePickers().isEmpty()
                    ? ": this task takes no files."
                    : "; this task takes " + form.accepted() + "."));
      }
    }
    List<Map<String, Object>> references = new ArrayList<>();
    for (Part file : files) {
      try (InputStream in = file.getInputStream()) {
        DocumentReference reference =
            documents.create(
                in, file.getSubmittedFileName(), file.getContentType(), customProperties(file));
        references.add(reference.toVariable());
      }
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_JSON)
        .body(references);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> customProperties(Part file) {
    String header = file.getHeader(METADATA_HEADER);
    if (header == null || header.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> metadata = JSON.readValue(header, Map.class);
      return metadata.get("customProperties") instanceof Map<?, ?> c
          ? (Map<String, Object>) c
          : Map.of();
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle("Not uploaded");
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
