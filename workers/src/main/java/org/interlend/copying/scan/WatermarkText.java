package org.interlend.copying.scan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What the {@link Watermarker} prints on a supplied copy.
 *
 * <p>The text is set in the PDF Standard 14 Helvetica, which covers the WinAnsi (Latin-1) character
 * set; text outside it makes {@link Watermarker#watermark} fail before it writes anything. A
 * Chinese-language notice would need an embedded CJK font.
 *
 * @param requestId the interlibrary-loan request
 * @param patronId the patron the copy is supplied to
 * @param date date of supply, printed as ISO 8601 ({@code 2026-11-22})
 * @param coverNotice copyright notice for the cover page; line breaks start new paragraphs
 * @param title what was requested, for the copy's document information (any characters); or null
 * @param supplier the library that supplied the scan, for the document information; or null
 */
public record WatermarkText(
    String requestId,
    String patronId,
    LocalDate date,
    String coverNotice,
    String title,
    String supplier) {

  /**
   * Notice for copies made by a librarian under the Copyright Ordinance (Cap. 528) of Hong Kong,
   * ss.47 (articles in periodicals) and 48 (parts of published works). Library staff should confirm
   * the wording with their copyright officer.
   */
  public static final String HONG_KONG_NOTICE =
      """
            This copy has been supplied by the library under sections 47 and 48 of the Copyright \
            Ordinance (Cap. 528) of Hong Kong, on the declaration of the person who requested it that \
            it is required for the purposes of research or private study.
            You may use it only for research or private study. You must not copy it further, \
            redistribute it, post it online or give it to any other person, except as the Ordinance \
            permits. Any other use may infringe copyright.""";

  public WatermarkText {
    requireLine("requestId", requestId);
    requireLine("patronId", patronId);
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(coverNotice, "coverNotice");
    if (coverNotice.isBlank()) {
      throw new IllegalArgumentException("coverNotice must not be blank");
    }
    title = title == null || title.isBlank() ? null : title.strip();
    supplier = supplier == null || supplier.isBlank() ? null : supplier.strip();
  }

  public WatermarkText(String requestId, String patronId, LocalDate date, String coverNotice) {
    this(requestId, patronId, date, coverNotice, null, null);
  }

  /** The same text with what was requested and who supplied it, for the document information. */
  public WatermarkText withSource(String title, String supplier) {
    return new WatermarkText(requestId, patronId, date, coverNotice, title, supplier);
  }

  /** Text with the {@link #HONG_KONG_NOTICE}. */
  public static WatermarkText hongKong(String requestId, String patronId, LocalDate date) {
    return new WatermarkText(requestId, patronId, date, HONG_KONG_NOTICE);
  }

  /** The line printed at the foot of every supplied page. */
  public String footer() {
    return "Supplied for research or private study only. Request "
        + requestId
        + ", patron "
        + patronId
        + ", "
        + formattedDate();
  }

  public String formattedDate() {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
  }

  private static void requireLine(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          name + " must be a single line without control characters");
    }
  }
}
