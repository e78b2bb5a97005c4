package org.interlend.copying.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesToPdfTest {

  @TempDir Path dir;

  @Test
  void makesOnePageForEachImageInOrder() throws Exception {
    List<Path> images = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      images.add(ScanFixtures.jpeg(dir.resolve("page-" + i + ".jpg"), 124 + i, 175));
    }
    images.add(ScanFixtures.png(dir.resolve("page-4.png"), 128, 175));
    Path pdf = dir.resolve("scan.pdf");

    int pages = ImagesToPdf.combine(images, pdf);

    assertThat(pages).isEqualTo(5);
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getNumberOfPages()).isEqualTo(5);
      for (int i = 0; i < 5; i++) {
        PDPage page = document.getPage(i);
        assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
        assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
        PDImageXObject image = onlyImage(page);
        assertThat(image.getWidth()).isEqualTo(124 + i);
      }
    }
    assertThat(ScanValidator.validate(pdf, 5, ScanRules.defaults()).ok()).isTrue();
  }

  @Test
  void makesAPageOfEveryPageOfAMultiPageTiffInOrder() throws Exception {
    Path tiff = dir.resolve("chapter.tif");
    javax.imageio.ImageWriter writer =
        javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
    try (javax.imageio.stream.ImageOutputStream out =
        javax.imageio.ImageIO.createImageOutputStream(tiff.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int i = 0; i < 3; i++) {
        java.awt.image.BufferedImage page =
            new java.awt.image.BufferedImage(
                200 + i, 280, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        writer.writeToSequence(new javax.imageio.IIOImage(page, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    Path pdf = dir.resolve("scan.pdf");

    int pages =
        ImagesToPdf.combine(
            List.of(tiff, ScanFixtures.png(dir.resolve("last.png"), 128, 175)), pdf);

    assertThat(pages).isEqualTo(4);
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      for (int i = 0; i < 3; i++) {
        assertThat(onlyImage(document.getPage(i)).getWidth()).isEqualTo(200 + i);
      }
    }
    assertThat(ScanValidator.validate(pdf, 4, ScanRules.defaults()).ok()).isTrue();
  }

  @Test
  void embedsJpegsWithoutReencoding() throws Exception {
    Path jpeg = ScanFixtures.jpeg(dir.resolve("page.jpg"), 300, 420);
    Path pdf = dir.resolve("scan.pdf");

    ImagesToPdf.combine(List.of(jpeg), pdf);

    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDImageXObject image = onlyImage(document.getPage(0));
      assertThat(image.getCOSObject().getDictionaryObject(COSName.FILTER))
          .isEqualTo(COSName.DCT_DECODE);
      try (InputStream raw = image.getCOSObject().createRawInputStream()) {
        assertThat(raw.readAllBytes()).isEqualTo(Files.readAllBytes(jpeg));
      }
    }
  }

  @Test
  void givesALandscapeImageALandscapePage() throws Exception {
    Path wide = ScanFixtures.jpeg(dir.resolve("spread.jpg"), 420, 300);
    Path pdf = dir.resolve("scan.pdf");

    ImagesToPdf.combine(List.of(wide), pdf);

    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDRectangle box = document.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isGreaterThan(box.getHeight());
    }
  }

  @Test
  void rejectsAFileThatIsNotAJpegOrPngWhateverItsName() throws IOException {
    Path good = ScanFixtures.jpeg(dir.resolve("page-1.jpg"), 40, 60);
    Path notAnImage = ScanFixtures.html(dir.resolve("page-2.jpg"));
    Path pdf = dir.resolve("scan.pdf");

    assertThatThrownBy(() -> ImagesToPdf.combine(List.of(good, notAnImage), pdf))
        .isInstanceOfSatisfying(
            UnusableImageException.class,
            e -> {
              assertThat(e.image()).isEqualTo(notAnImage);
              assertThat(e.detectedType()).isEqualTo("text/html");
            });
    assertThat(pdf).doesNotExist();
  }

  @Test
  void rejectsADamagedJpeg() throws IOException {
    byte[] jpeg = ScanFixtures.jpegBytes(60, 80);
    byte[] damaged = Arrays.copyOf(jpeg, 12); // SOI and the start of APP0, then nothing
    Path image = Files.write(dir.resolve("page.jpg"), damaged);

    assertThatThrownBy(() -> ImagesToPdf.combine(List.of(image), dir.resolve("scan.pdf")))
        .isInstanceOf(UnusableImageException.class);
  }

  private static PDImageXObject onlyImage(PDPage page) throws IOException {
    List<PDImageXObject> images = new ArrayList<>();
    for (COSName name : page.getResources().getXObjectNames()) {
      images.add((PDImageXObject) page.getResources().getXObject(name));
    }
    assertThat(images).hasSize(1);
    return images.get(0);
  }
}
