package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelveticaTest {

  @Test
  void namesEveryWinAnsiCodeAsPdfBoxDoes() {
    for (int code = 0x20; code <= 0xff; code++) {
      String ours = Helvetica.glyph(code);
      String pdfBox = WinAnsiEncoding.INSTANCE.getName(code);
      if (ours == null) {
        // codes without a character, which PDFBox shows as a bullet
        assertThat(pdfBox).as("code %02X", code).isIn("bullet", ".notdef");
      } else if (code == 0xa0 || code == 0xad) {
        // PDF 32000-1, D.2: space and hyphen are also encoded as 240 and 255 (octal);
        // PDFBox calls them nbspace and sfthyphen
        assertThat(ours).isEqualTo(code == 0xa0 ? "space" : "hyphen");
      } else {
        assertThat(ours).as("code %02X", code).isEqualTo(pdfBox);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Request ILL-2026-000123, patron P-4711",
        "Copyright § 48 — « Cap. 528 » café €5 ½ Œuvre"
      })
  void encodesAndMeasuresAsPdfBoxDoes(String text) throws IOException {
    PDType1Font helvetica = new PDType1Font(FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);

    assertThat(Helvetica.REGULAR.encode(text)).isEqualTo(helvetica.encode(text));
    assertThat(Helvetica.REGULAR.width(text)).isEqualTo(helvetica.getStringWidth(text) / 1000f);
    assertThat(Helvetica.BOLD.width(text)).isEqualTo(bold.getStringWidth(text) / 1000f);
  }

  @Test
  void refusesCharactersTheEncodingLacks() {
    assertThatThrownBy(() -> Helvetica.REGULAR.encode("圖書館"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+5716")
        .hasMessageContaining("WinAnsiEncoding");
    assertThatThrownBy(() -> Helvetica.REGULAR.encode("tab\there"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outlinesTheDiagonalText() {
    var outline = Helvetica.REGULAR.outline(Mark.DIAGONAL_TEXT);
    var bounds = outline.getBounds2D();
    // Helvetica's advance widths, 1000 units to the em; capitals about 700 units high
    assertThat(bounds.getMaxX())
        .isBetween(
            Helvetica.REGULAR.width(Mark.DIAGONAL_TEXT) * 1000 - 200.0,
            Helvetica.REGULAR.width(Mark.DIAGONAL_TEXT) * 1000 + 1.0);
    assertThat(bounds.getMaxY()).isBetween(650.0, 760.0);
  }
}
