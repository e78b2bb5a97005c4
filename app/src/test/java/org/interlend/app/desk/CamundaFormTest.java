package org.interlend.app.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The staff desk binds a task's Camunda Form as Tasklist would: types, validation, read-only fields. */
class CamundaFormTest {

  static final String FORM =
      """
      {"id": "t", "components": [
        {"type": "text", "text": "Pull the copy"},
        {"type": "textfield", "key": "requestId", "label": "Request", "readonly": true},
        {"type": "radio", "key": "outcome", "label": "Outcome", "validate": {"required": true},
         "values": [{"label": "Shipped", "value": "SHIPPED"}, {"label": "Not on shelf", "value": "NOT_ON_SHELF"}]},
        {"type": "textarea", "key": "note", "label": "Note", "validate": {"maxLength": 10}},
        {"type": "number", "key": "cost", "label": "Cost", "validate": {"min": 0, "max": 1000}},
        {"type": "select", "key": "currency", "label": "Currency",
         "values": [{"label": "HKD", "value": "HKD"}, {"label": "USD", "value": "USD"}]},
        {"type": "checkbox", "key": "fragile", "label": "Fragile"},
        {"type": "datetime", "key": "expected", "label": "Expected"},
        {"type": "group", "components": [{"type": "textfield", "key": "partner", "label": "Partner"}]},
        {"type": "filepicker", "key": "scanFiles", "label": "Scan", "multiple": true, "validate": {"required": true}}
      ]}
      """;

  final CamundaForm form = CamundaForm.parse(FORM);

  @Test
  void readsEveryFieldIncludingThoseInGroups() {
    assertThat(form.fields()).extracting(CamundaForm.Field::type)
        .containsExactly("text", "textfield", "radio", "textarea", "number", "select", "checkbox",
            "datetime", "textfield", "filepicker");
    assertThat(form.hasFileField()).isTrue();
  }

  @Test
  void bindsTypedVariablesAndLeavesReadOnlyFieldsOut() {
    var binding =
        form.bind(
            Map.of(
                "requestId", new String[] {"R-9 forged"},
                "outcome", new String[] {"SHIPPED"},
                "note", new String[] {" parcel 7 "},
                "cost", new String[] {"250"},
                "currency", new String[] {"USD"},
                "fragile", new String[] {"true"},
                "expected", new String[] {"2026-12-01"},
                "partner", new String[] {"British Library"}),
            Map.of("scanFiles", List.of("uploads/1/a.pdf", "uploads/1/b.jpg")));
    assertThat(binding.errors()).isEmpty();
    assertThat(binding.variables())
        .doesNotContainKey("requestId")
        .containsEntry("outcome", "SHIPPED")
        .containsEntry("note", "parcel 7")
        .containsEntry("cost", 250L)
        .containsEntry("currency", "USD")
        .containsEntry("fragile", true)
        .containsEntry("expected", "2026-12-01")
        .containsEntry("partner", "British Library")
        .containsEntry("scanFiles", List.of("uploads/1/a.pdf", "uploads/1/b.jpg"));
  }

  @Test
  void badValuesGetAMessageEachAndAnUncheckedBoxIsFalse() {
    var binding =
        form.bind(
            Map.of(
                "outcome", new String[] {"LOST_IN_TRANSIT"},
                "note", new String[] {"far too long a note"},
                "cost", new String[] {"12x"},
                "currency", new String[] {"XYZ"},
                "expected", new String[] {"next week"}),
            Map.of());
    assertThat(binding.valid()).isFalse();
    assertThat(binding.errors())
        .containsEntry("outcome", "Outcome: \"LOST_IN_TRANSIT\" is not one of the options")
        .containsEntry("note", "Note takes at most 10 characters")
        .containsEntry("cost", "Cost must be a number, not \"12x\"")
        .containsEntry("currency", "Currency: \"XYZ\" is not one of the options")
        .containsEntry("expected", "Expected must be a date (yyyy-mm-dd)")
        .containsEntry("scanFiles", "Scan: choose a file");
    assertThat(binding.variables()).containsEntry("fragile", false);
  }

  @Test
  void numbersOutsideTheRangeAndMissingRequiredFieldsAreRefused() {
    var binding = form.bind(Map.of("cost", new String[] {"1000.5"}), Map.of("scanFiles", List.of("k")));
    assertThat(binding.errors())
        .containsEntry("cost", "Cost must be at most 1000")
        .containsEntry("outcome", "Outcome is required");
  }

  @Test
  void somethingThatIsNotAFormIsRefusedClearly() {
    assertThatThrownBy(() -> CamundaForm.parse("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a Camunda Form");
  }
}
