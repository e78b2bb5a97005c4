package org.interlend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What staff fill in on each task's Camunda Form (the deployed {@code camunda/forms/*.form} files,
 * one per user task, id = task id): the input fields with their labels and the words for their
 * options, so that a completed task reads as "Outcome: Shipped" with its note, not as variables.
 */
@Component
public class TaskForms {

  /** Field types staff type notes into. */
  private static final Set<String> NOTE_TYPES = Set.of("textarea");

  /** Field types that take input (text, buttons and layout do not). */
  private static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "taglist",
          "filepicker");

  /** One input field of a form. */
  public record Field(String key, String label, String type, Map<String, String> options) {

    boolean note() {
      return NOTE_TYPES.contains(type);
    }
  }

  /** A completed task in words: what was chosen or entered, and the notes typed. */
  public record Summary(String outcome, String note) {}

  private final Map<String, List<Field>> forms;

  public TaskForms() {
    this(load());
  }

  TaskForms(Map<String, List<Field>> forms) {
    this.forms = Map.copyOf(forms);
  }

  /** The input fields of the form {@code formId}, in form order; empty for an unknown form. */
  public List<Field> fields(String formId) {
    return forms.getOrDefault(formId, List.of());
  }

  /**
   * Describes what the task was completed with: each input field of its form that has a value,
   * labelled, choices in words; the notes (text areas) apart.
   */
  public Summary summarize(String formId, Map<String, Object> variables) {
    List<String> outcome = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Field f : fields(formId)) {
      Object value = variables.get(f.key());
      String text = words(f, value);
      if (text == null) {
        continue;
      }
      if (f.note()) {
        notes.add(text);
      } else {
        outcome.add(f.label() + ": " + text);
      }
    }
    return new Summary(
        outcome.isEmpty() ? null : String.join("; ", outcome),
        notes.isEmpty() ? null : String.join("\n", notes));
  }

  private static String words(Field f, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (f.type().equals("filepicker")) {
      int files = value instanceof Collection<?> c ? c.size() : 1;
      return files == 1 ? "1 file" : files + " files";
    }
    if (f.type().equals("checkbox")) {
      return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)) ? "yes" : "no";
    }
    if (value instanceof Collection<?> c) {
      List<String> labels = new ArrayList<>();
      c.forEach(v -> labels.add(f.options().getOrDefault(String.valueOf(v), String.valueOf(v))));
      return labels.isEmpty() ? null : String.join(", ", labels);
    }
    String raw = String.valueOf(value).strip();
    return f.options().getOrDefault(raw, raw);
  }

  private static Map<String, List<Field>> load() {
    Map<String, List<Field>> forms = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource r :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:/camunda/forms/*.form")) {
        try (InputStream in = r.getInputStream()) {
          JsonNode form = json.readTree(in);
          List<Field> fields = new ArrayList<>();
          collect(form.path("components"), fields);
          forms.put(form.path("id").asText(), List.copyOf(fields));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the task forms under classpath:camunda/forms/", e);
    }
    return forms;
  }

  private static void collect(JsonNode components, List<Field> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (INPUT_TYPES.contains(type)
          && c.hasNonNull("key")
          && !c.path("readonly").asBoolean(false)
          && !c.path("disabled").asBoolean(false)) {
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode v : c.path("values")) {
          options.put(v.path("value").asText(), v.path("label").asText());
        }
        into.add(
            new Field(
                c.path("key").asText(),
                c.path("label").asText(c.path("key").asText()),
                type,
                options));
      }
      if (c.has("components")) {
        collect(c.path("components"), into);
      }
    }
  }
}
