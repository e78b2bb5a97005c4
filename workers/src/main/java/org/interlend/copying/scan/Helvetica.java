package org.interlend.copying.scan;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.apache.fontbox.afm.FontMetrics;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * What the copy needs of Helvetica, the Standard 14 font every viewer supplies: its WinAnsi
 * encoding, its widths (from the metrics bundled with PDFBox), and glyph outlines for the diagonal
 * mark (from the metrically compatible Liberation Sans bundled with PDFBox).
 *
 * <p>Not PDFBox's {@code PDType1Font}: building one makes PDFBox's font mapper look for a system
 * font to render with, which allocates some 27 MB the first time, more than a whole 300-page copy.
 */
final class Helvetica {

  /**
   * PDF's WinAnsiEncoding is Windows code page 1252 for every character it has (PDF 32000-1, D.2).
   */
  private static final Charset CP1252 = Charset.forName("windows-1252");

  /**
   * Glyph names of WinAnsiEncoding from code 0x20 to 0xFF ("-": no character), as listed in PDF
   * 32000-1, annex D.2. Written out rather than taken from PDFBox's {@code WinAnsiEncoding}, whose
   * first use allocates some 11 MB.
   */
  private static final String[] GLYPHS =
      ("""
            space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk
            plus comma hyphen period slash zero one two three four five six seven eight nine colon semicolon less
            equal greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash
            bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft
            bar braceright asciitilde -
            Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron
            guilsinglleft OE - Zcaron - - quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde
            trademark scaron guilsinglright oe - zcaron Ydieresis
            space exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine
            guillemotleft logicalnot hyphen registered macron degree plusminus twosuperior threesuperior acute mu
            paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf
            threequarters questiondown
            Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave
            Iacute Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash
            Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls
            agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave
            iacute icircumflex idieresis eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash
            ugrave uacute ucircumflex udieresis yacute thorn ydieresis
            """)
          .strip()
          .split("\\s+");

  private static final String OUTLINE_FONT =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  /** The characters of codes 0x80 to 0xFF in code page 1252 (U+FFFD where it has none). */
  private static final char[] HIGH_CHARACTERS = new String(highCodes(), CP1252).toCharArray();

  // after the tables above: building a font reads them
  static final Helvetica REGULAR = new Helvetica("Helvetica");
  static final Helvetica BOLD = new Helvetica("Helvetica-Bold");

  private final String name;
  private final FontMetrics metrics;

  /** Advance widths by code, in glyph units (1000 to the em); 0 for codes without a glyph. */
  private final float[] widths = new float[256];

  private Helvetica(String name) {
    this.name = name;
    this.metrics = Standard14Fonts.getAFM(name);
    for (int code = 0; code < 256; code++) {
      String glyph = glyph(code);
      widths[code] = glyph == null ? 0 : metrics.getCharacterWidth(glyph);
    }
  }

  private static byte[] highCodes() {
    byte[] codes = new byte[0x80];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) (0x80 + i);
    }
    return codes;
  }

  /** The WinAnsi code of a character, or -1 if the encoding lacks it. */
  private static int code(int codePoint) {
    if (codePoint < 0x80) {
      return codePoint;
    }
    for (int i = 0; i < HIGH_CHARACTERS.length; i++) {
      if (HIGH_CHARACTERS[i] == codePoint && codePoint != 0xFFFD) {
        return 0x80 + i;
      }
    }
    return -1;
  }

  String name() {
    return name;
  }

  /**
   * {@code text} in WinAnsiEncoding, one byte a character.
   *
   * @throws IllegalArgumentException naming the first character the encoding lacks
   */
  byte[] encode(String text) {
    byte[] bytes = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int code = code(codePoint);
      if (code < 0 || glyph(code) == null) {
        throw new IllegalArgumentException(
            String.format(
                "U+%04X ('%s') is not available in %s's encoding " + "WinAnsiEncoding",
                codePoint, new String(Character.toChars(codePoint)), name));
      }
      bytes[n++] = (byte) code;
      i += Character.charCount(codePoint);
    }
    return n == bytes.length ? bytes : Arrays.copyOf(bytes, n);
  }

  /**
   * Width of {@code text} at a size of one point; checks the characters as {@link #encode} does.
   */
  float width(String text) {
    float width = 0;
    for (byte code : encode(text)) {
      width += widths[code & 0xff];
    }
    return width / 1000f;
  }

  /**
   * The glyph name of a WinAnsi code, or null for codes without a glyph (controls, unused codes).
   */
  static String glyph(int code) {
    if (code < 0x20 || code > 0xff) {
      return null;
    }
    String glyph = GLYPHS[code - 0x20];
    return glyph.equals("-") ? null : glyph;
  }

  /**
   * Outlines of {@code text}, in glyph units (1000 to the em) from 0,0, advancing by Helvetica's
   * widths.
   */
  GeneralPath outline(String text) {
    try (InputStream in = Helvetica.class.getResourceAsStream(OUTLINE_FONT)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox's bundled " + OUTLINE_FONT + " is missing");
      }
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
      try (font) {
        double scale = 1000.0 / font.getUnitsPerEm();
        GeneralPath outline = new GeneralPath();
        double x = 0;
        for (byte code : encode(text)) {
          String glyph = glyph(code & 0xff);
          GeneralPath path = font.getPath(glyph);
          AffineTransform place = AffineTransform.getTranslateInstance(x, 0);
          place.scale(scale, scale);
          path.transform(place);
          outline.append(path, false);
          x += metrics.getCharacterWidth(glyph);
        }
        return outline;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PDFBox's bundled " + OUTLINE_FONT + " cannot be read", e);
    }
  }
}
