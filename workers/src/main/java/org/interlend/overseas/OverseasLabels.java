package org.interlend.overseas;

import java.util.Map;

/** The words staff and patrons read for the codes of overseas requests. */
public final class OverseasLabels {

  private static final Map<String, String> PURPOSES =
      Map.of("TEACHING_RESEARCH", "Teaching or research", "PERSONAL", "Personal study");
  private static final Map<String, String> ITEM_TYPES =
      Map.of("BOOK", "Book (to borrow)", "COPY", "Copy of a chapter or article");
  private static final Map<String, String> FORMATS =
      Map.of("PHYSICAL", "Physical item (loan)", "DIGITAL", "Digital copy");

  private OverseasLabels() {}

  public static String purpose(String code) {
    return label(PURPOSES, code);
  }

  public static String itemType(String code) {
    return label(ITEM_TYPES, code);
  }

  public static String format(String code) {
    return label(FORMATS, code);
  }

  private static String label(Map<String, String> labels, String code) {
    return code == null ? null : labels.getOrDefault(code, code);
  }
}
