package org.interlend.copying.scan;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Content-type sniffing with tika-core's magic-byte detector. The file name is deliberately not
 * passed to Tika: a JPEG called {@code scan.pdf} must be detected as {@code image/jpeg}, and an
 * unrecognised file called {@code scan.pdf} as {@code application/octet-stream}.
 */
final class ContentTypes {

  static final MediaType PDF = MediaType.application("pdf");
  static final MediaType JPEG = MediaType.image("jpeg");
  static final MediaType PNG = MediaType.image("png");
  static final MediaType TIFF = MediaType.image("tiff");

  private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = MIME_TYPES.getMediaTypeRegistry();

  /** Thread-safe; reads at most a few kilobytes from the start of the stream. */
  private static final Detector DETECTOR = new DefaultDetector(MIME_TYPES);

  private ContentTypes() {}

  static MediaType detect(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return DETECTOR.detect(in, new Metadata());
    }
  }

  /** True for {@code type} itself and for types Tika registers as its specialisations. */
  static boolean isA(MediaType detected, MediaType type) {
    return REGISTRY.isInstanceOf(detected.getBaseType(), type);
  }
}
