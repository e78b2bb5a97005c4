package org.interlend.app.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda Form (the {@code .form} JSON that Tasklist renders), read for the local staff desk:
 * its fields, and the binding of submitted values to process variables with the form's own
 * validation (required, min/max length, number range, allowed options).
 */
public final class CamundaForm {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Field> fields;

  private CamundaForm(List<Field> fields) {
    this.fields = fields;
  }

  public record Option(String label, String value) {}

  public record Field(
      String type,
      String key,
      String label,
      String text,
      boolean required,
      Integer minLength,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max,
      List<Option> options,
      boolean multiple,
      String accept,
      String description,
      boolean readonly) {

    public boolean input() {
      return key != null && !key.isBlank();
    }
  }

  public record Binding(Map<String, Object> variables, Map<String, String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  public static CamundaForm parse(String json) {
    try {
      List<Field> fields = new ArrayList<>();
      collect(JSON.readTree(json).path("components"), fields);
      return new CamundaForm(List.copyOf(fields));
    } catch (Exception e) {
      throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
    }
  }

  private static void collect(JsonNode components, List<Field> out) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) { // groups and dynamic lists hold fields of their own
        collect(c.path("components"), out);
        continue;
      }
      JsonNode v = c.path("validate");
      List<Option> options = new ArrayList<>();
      for (JsonNode o : c.path("values")) {
        options.add(new Option(o.path("label").asText(), o.path("value").asText()));
      }
      out.add(
          new Field(
              type,
              c.hasNonNull("key") ? c.get("key").asText() : null,
              c.path("label").asText(""),
              c.path("text").asText(""),
              v.path("required").asBoolean(false),
              v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
              v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
              v.hasNonNull("min") ? v.get("min").decimalValue() : null,
              v.hasNonNull("max") ? v.get("max").decimalValue() : null,
              List.copyOf(options),
              c.path("multiple").asBoolean(false),
              c.path("accept").asText(""),
              c.path("description").asText(""),
              c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)));
    }
  }

  public List<Field> fields() {
    return fields;
  }

  public boolean hasFileField() {
    return fields.stream().anyMatch(f -> f.type().equals("filepicker"));
  }

  /**
   * Binds submitted form values to variables. File fields are bound by the caller (it stores the
   * upload and passes the object keys in {@code fileKeys}).
   */
  public Binding bind(Map<String, String[]> submitted, Map<String, List<String>> fileKeys) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Field f : fields) {
      if (!f.input() || f.readonly()) { // shown for context, not submitted (as in Tasklist)
        continue;
      }
      String[] values = submitted.getOrDefault(f.key(), new String[0]);
      String value = values.length == 0 ? "" : values[0].trim();
      String name = f.label().isBlank() ? f.key() : f.label();
      switch (f.type()) {
        case "checkbox" -> variables.put(f.key(), values.length > 0 && !value.equals("false"));
        case "checklist", "taglist" -> {
          List<String> chosen = new ArrayList<>();
          for (String s : values) {
            if (!s.isBlank()) {
              if (!allowed(f, s)) {
                errors.put(f.key(), name + ": \"" + s + "\" is not one of the options");
              }
              chosen.add(s);
            }
          }
          if (f.required() && chosen.isEmpty()) {
            errors.put(f.key(), name + " is required");
          }
          variables.put(f.key(), chosen);
        }
        case "filepicker" -> {
          List<String> keys = fileKeys.getOrDefault(f.key(), List.of());
          if (f.required() && keys.isEmpty()) {
            errors.put(f.key(), name + ": choose a file");
          } else if (!keys.isEmpty()) {
            variables.put(f.key(), f.multiple() ? keys : keys.get(0));
          }
        }
        default -> {
          if (value.isEmpty()) {
            if (f.required()) {
              errors.put(f.key(), name + " is required");
            }
            continue;
          }
          switch (f.type()) {
            case "number" -> {
              try {
                BigDecimal n = new BigDecimal(value);
                if (f.min() != null && n.compareTo(f.min()) < 0) {
                  errors.put(f.key(), name + " must be at least " + f.min().toPlainString());
                } else if (f.max() != null && n.compareTo(f.max()) > 0) {
                  errors.put(f.key(), name + " must be at most " + f.max().toPlainString());
                }
                variables.put(f.key(), n.scale() <= 0 ? (Object) n.longValueExact() : n.doubleValue());
              } catch (NumberFormatException | ArithmeticException e) {
                errors.put(f.key(), name + " must be a number, not \"" + value + "\"");
              }
            }
            case "select", "radio" -> {
              if (!allowed(f, value)) {
                errors.put(f.key(), name + ": \"" + value + "\" is not one of the options");
              }
              variables.put(f.key(), value);
            }
            case "datetime" -> {
              try {
                variables.put(f.key(), LocalDate.parse(value).toString());
              } catch (DateTimeParseException e) {
                errors.put(f.key(), name + " must be a date (yyyy-mm-dd)");
              }
            }
            default -> {
              if (f.minLength() != null && value.length() < f.minLength()) {
                errors.put(f.key(), name + " needs at least " + f.minLength() + " characters");
              } else if (f.maxLength() != null && value.length() > f.maxLength()) {
                errors.put(f.key(), name + " takes at most " + f.maxLength() + " characters");
              }
              variables.put(f.key(), value);
            }
          }
        }
      }
    }
    return new Binding(variables, errors);
  }

  private static boolean allowed(Field f, String value) {
    return f.options().isEmpty() || f.options().stream().anyMatch(o -> o.value().equals(value));
  }
}
