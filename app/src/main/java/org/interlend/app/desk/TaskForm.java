package org.interlend.app.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A task's Camunda Form as the desk needs it besides rendering (form-js renders it in the browser):
 * the keys staff may submit, and what each file picker accepts.
 */
record TaskForm(String schema, Set<String> inputKeys, Map<String, List<String>> filePickers) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUTS =
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
          "filepicker",
          "expression");

  static final TaskForm EMPTY = new TaskForm("{\"components\":[]}", Set.of(), Map.of());

  static TaskForm parse(String schema) {
    try {
      JsonNode root = JSON.readTree(schema);
      Set<String> keys = new java.util.LinkedHashSet<>();
      Map<String, List<String>> pickers = new LinkedHashMap<>();
      collect(root.path("components"), keys, pickers);
      return new TaskForm(schema, Set.copyOf(keys), Map.copyOf(pickers));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the task's form is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static void collect(
      JsonNode components, Set<String> keys, Map<String, List<String>> pickers) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (INPUTS.contains(type) && c.hasNonNull("key") && !c.path("disabled").asBoolean(false)) {
        keys.add(c.path("key").asText());
        if (type.equals("filepicker")) {
          List<String> accept = new ArrayList<>();
          for (String token : c.path("accept").asText("").split(",")) {
            if (!token.isBlank()) {
              accept.add(token.strip().toLowerCase(Locale.ROOT));
            }
          }
          pickers.put(c.path("key").asText(), List.copyOf(accept));
        }
      }
      if (c.has("components")) {
        collect(c.path("components"), keys, pickers);
      }
    }
  }

  /**
   * Whether any file picker of the form accepts this file: by extension ({@code .pdf}), by media
   * type ({@code application/pdf}) or by media type family ({@code image/*}); a picker with no
   * {@code accept} takes anything.
   */
  boolean accepts(String fileName, String contentType) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    for (List<String> accept : filePickers.values()) {
      if (accept.isEmpty()) {
        return true;
      }
      for (String token : accept) {
        if (token.startsWith(".")
            ? name.endsWith(token)
            : token.endsWith("/*")
                ? type.startsWith(token.substring(0, token.length() - 1))
                : type.equals(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every accepted type, for messages: ".pdf, .jpg, …". */
  String accepted() {
    return String.join(
        ", ", filePickers.values().stream().flatMap(List::stream).distinct().toList());
  }
}
