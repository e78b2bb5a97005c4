package org.interlend.copying.scan;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The mark drawn on every page of the copy, after the page's own content: a faint diagonal "FOR
 * RESEARCH OR PRIVATE STUDY ONLY" and, at the foot of the page, the footer line naming the request
 * and the patron on a light band that keeps it readable on dark or busy margins.
 *
 * <p>The operators are written in the coordinates of the page as displayed (crop box, after {@code
 * /Rotate}), so the footer is upright at the bottom whatever the page's rotation. They use three
 * resources, {@link #FONT}, {@link #FAINT} and {@link #BAND}, which every page of the copy carries
 * in its own resource dictionary as direct objects: no shared object draws the mark.
 *
 * <p>The operators depend only on the page's geometry, so they are compressed once per geometry
 * ({@link Block}) and appended to each page's content stream as deflate blocks.
 */
final class Mark implements AutoCloseable {

  static final String DIAGONAL_TEXT = "FOR RESEARCH OR PRIVATE STUDY ONLY";
  static final COSName FONT = COSName.getPDFName("InterlendFont");
  static final COSName FAINT = COSName.getPDFName("InterlendFaint");
  static final COSName BAND = COSName.getPDFName("InterlendBand");

  static final float FOOTER_SIZE = 8f;
  private static final float FOOTER_MIN_SIZE = 4f;
  static final float FOOTER_BASELINE = 12f;
  private static final float SIDE_MARGIN = 12f;

  /** Opacity of the diagonal mark: visible on white, the scan stays readable under it. */
  static final float MARK_OPACITY = 0.18f;

  private static final float MARK_GREY = 0.45f;

  /** Opacity of the white band behind the footer: the page shows faintly through it. */
  static final float BAND_OPACITY = 0.85f;

  private final byte[] footer;

  /** Width of the footer at one point. */
  private final float footerWidth;

  private final Map<Geometry, Block> blocks = new HashMap<>();
  private final FlateSink sink = new FlateSink(Deflater.BEST_COMPRESSION);

  /**
   * @throws IllegalArgumentException if the footer has characters Helvetica (WinAnsi) lacks
   */
  Mark(String footerText) {
    footer = encodeFooter(footerText);
    footerWidth = Helvetica.REGULAR.width(footerText);
  }

  /**
   * The footer in Helvetica's WinAnsi encoding.
   *
   * @throws IllegalArgumentException if it has characters the encoding lacks
   */
  static byte[] encodeFooter(String footerText) {
    try {
      return Helvetica.REGULAR.encode(footerText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The footer cannot be set in Helvetica (WinAnsi characters only): " + e.getMessage(), e);
    }
  }

  /** The mark for one geometry, compressed: raw deflate blocks ending on a byte boundary. */
  record Block(byte[] deflated, int adler, long length) {}

  /** Visible area and rotation of a page: pages that share them share the compressed mark. */
  record Geometry(float x, float y, float width, float height, int rotation) {
    static Geometry of(PDRectangle cropBox, int rotation) {
      return new Geometry(
          cropBox.getLowerLeftX(),
          cropBox.getLowerLeftY(),
          cropBox.getWidth(),
          cropBox.getHeight(),
          rotation);
    }

    boolean sideways() {
      return rotation == 90 || rotation == 270;
    }

    /** Width of the page as displayed. */
    float shownWidth() {
      return sideways() ? height : width;
    }

    float shownHeight() {
      return sideways() ? width : height;
    }
  }

  Block block(Geometry geometry) throws IOException {
    Block block = blocks.get(geometry);
    if (block == null) {
      byte[] operators = operators(geometry);
      ByteArrayOutputStream deflated = new ByteArrayOutputStream(operators.length / 2);
      sink.start(deflated);
      sink.write(operators, 0, operators.length);
      sink.syncFlush();
      block = new Block(deflated.toByteArray(), sink.adler(), operators.length);
      blocks.put(geometry, block);
    }
    return block;
  }

  /** The operators, uncompressed. */
  byte[] operators(Geometry g) {
    float width = g.shownWidth();
    float height = g.shownHeight();
    StringBuilder s = new StringBuilder(16 * 1024);
    s.append("q\n");
    matrix(s, readerToUserSpace(g)).append(" cm\n");

    // The diagonal, as outlines: it stays out of copied text and screen readers, where the
    // footer already says the same.
    Diagonal diagonal = Diagonal.INSTANCE;
    double angle = Math.atan2(height, width);
    double size = Math.max(6, 0.6 * Math.hypot(width, height) / diagonal.width);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double cx = width / 2.0;
    double cy = height / 2.0;
    s.append("/Artifact BMC\nq ")
        .append('/')
        .append(FAINT.getName())
        .append(" gs ")
        .append(n(MARK_GREY))
        .append(" g\n");
    // Each cm applies before the previous ones: scale glyph units to the type size, centre the
    // text on the origin, then rotate it and move it to the middle of the page.
    matrix(s, new double[] {cos, sin, -sin, cos, cx, cy}).append(" cm\n");
    matrix(s, new double[] {1, 0, 0, 1, -diagonal.width * size / 2, -size * 0.35}).append(" cm\n");
    matrix(s, new double[] {size / 1000, 0, 0, size / 1000, 0, 0}).append(" cm\n");
    s.append(diagonal.operators).append("f\nQ\nEMC\n");

    // The footer on its band.
    float footerSize = FOOTER_SIZE;
    float available = width - 2 * SIDE_MARGIN;
    if (footerWidth * footerSize > available) {
      footerSize = Math.max(FOOTER_MIN_SIZE, available / footerWidth);
    }
    float textWidth = footerWidth * footerSize;
    float bandHeight = FOOTER_BASELINE + footerSize + 3;
    s.append("q /")
        .append(BAND.getName())
        .append(" gs 1 g 0 0 ")
        .append(n(width))
        .append(' ')
        .append(n(bandHeight))
        .append(" re f Q\n");
    s.append("0 g BT /")
        .append(FONT.getName())
        .append(' ')
        .append(n(footerSize))
        .append(" Tf 0 Tr 0 Tc 0 Tw 100 Tz 0 Ts ")
        .append(n(Math.max(SIDE_MARGIN, (width - textWidth) / 2)))
        .append(' ')
        .append(n(FOOTER_BASELINE))
        .append(" Td <")
        .append(HexFormat.of().formatHex(footer))
        .append("> Tj ET\nQ\n");
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Maps coordinates with the origin at the bottom-left of the page as displayed (crop box, after
   * the clockwise /Rotate) to the page's user space.
   */
  private static double[] readerToUserSpace(Geometry g) {
    return switch (g.rotation()) {
      case 90 -> new double[] {0, 1, -1, 0, g.x() + g.width(), g.y()};
      case 180 -> new double[] {-1, 0, 0, -1, g.x() + g.width(), g.y() + g.height()};
      case 270 -> new double[] {0, -1, 1, 0, g.x(), g.y() + g.height()};
      default -> new double[] {1, 0, 0, 1, g.x(), g.y()};
    };
  }

  private static StringBuilder matrix(StringBuilder s, double[] m) {
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(n(m[i]));
    }
    return s;
  }

  private static String n(double value) {
    return PdfOutput.format(value);
  }

  @Override
  public void close() {
    sink.close();
  }

  /**
   * The diagonal text as glyph outlines in glyph units (1000 to the em) from 0,0, made once per JVM
   * (see {@link Helvetica#outline}).
   */
  private static final class Diagonal {
    static final Diagonal INSTANCE = new Diagonal();

    final String operators;

    /** Width of the text at one point. */
    final float width;

    private Diagonal() {
      width = Helvetica.REGULAR.width(DIAGONAL_TEXT);
      operators = path(Helvetica.REGULAR.outline(DIAGONAL_TEXT));
    }

    /** Path operators in whole glyph units (a thousandth of the type size: finer than a pixel). */
    private static String path(GeneralPath path) {
      StringBuilder s = new StringBuilder(16 * 1024);
      double[] c = new double[6];
      double x =
          0; // current point, for turning quadratic curves (TrueType outlines) into cubic ones
      double y = 0;
      for (PathIterator segments = path.getPathIterator(null);
          !segments.isDone();
          segments.next()) {
        switch (segments.currentSegment(c)) {
          case PathIterator.SEG_MOVETO -> {
            points(s, c[0], c[1]).append(" m\n");
            x = c[0];
            y = c[1];
          }
          case PathIterator.SEG_LINETO -> {
            points(s, c[0], c[1]).append(" l\n");
            x = c[0];
            y = c[1];
          }
          case PathIterator.SEG_QUADTO -> {
            points(
                    s,
                    x + 2.0 / 3 * (c[0] - x),
                    y + 2.0 / 3 * (c[1] - y),
                    c[2] + 2.0 / 3 * (c[0] - c[2]),
                    c[3] + 2.0 / 3 * (c[1] - c[3]),
                    c[2],
                    c[3])
                .append(" c\n");
            x = c[2];
            y = c[3];
          }
          case PathIterator.SEG_CUBICTO -> {
            points(s, c[0], c[1], c[2], c[3], c[4], c[5]).append(" c\n");
            x = c[4];
            y = c[5];
          }
          default -> s.append("h\n"); // a glyph's next contour starts with a move
        }
      }
      return s.toString();
    }

    private static StringBuilder points(StringBuilder s, double... values) {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          s.append(' ');
        }
        s.append(Math.round(values[i]));
      }
      return s;
    }
  }
}
