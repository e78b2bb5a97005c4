package org.interlend.copying.scan.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Synthetic scanned pages: A4 at 300 dpi (2480 x 3508), 8-bit greyscale JPEG of about 380 KB, like
 * an office scanner's output for a page of text. Paper grain (low-amplitude noise) plus lines of
 * random words keep the JPEG from compressing to nothing; every page is different.
 */
final class PageImages {

  static final int WIDTH = 2480;
  static final int HEIGHT = 3508;

  private static final int PAPER = 236;
  private static final int GRAIN = 2;
  private static final int FONT_SIZE = 42;
  private static final double LINE_SPACING = 5.8;
  private static final float JPEG_QUALITY = 0.75f;

  private PageImages() {}

  static void write(Path file, long seed) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    SplittableRandom random = new SplittableRandom(seed);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (PAPER + random.nextInt(-GRAIN, GRAIN + 1));
    }
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(35, 35, 35));
    g.setFont(new Font(Font.SERIF, Font.PLAIN, FONT_SIZE));
    FontMetrics metrics = g.getFontMetrics();
    int lineWidth = WIDTH - 500;
    for (int y = 300; y < HEIGHT - 300; y += (int) (FONT_SIZE * LINE_SPACING)) {
      StringBuilder line = new StringBuilder();
      while (true) {
        String word = randomWord(random);
        if (metrics.stringWidth(line + " " + word) > lineWidth) {
          break;
        }
        line.append(line.isEmpty() ? "" : " ").append(word);
      }
      g.drawString(line.toString(), 250, y);
    }
    g.dispose();

    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam parameters = writer.getDefaultWriteParam();
    parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    parameters.setCompressionQuality(JPEG_QUALITY);
    try (OutputStream out = Files.newOutputStream(file);
        ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), parameters);
    } finally {
      writer.dispose();
    }
  }

  private static String randomWord(SplittableRandom random) {
    char[] letters = new char[2 + random.nextInt(9)];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }
}
