package org.interlend.copying.scan;

import java.nio.file.Path;

/**
 * A page image that {@link ImagesToPdf} cannot use: not a JPEG or PNG by content, or damaged. This
 * is a problem with the upload, to be reported to the scanning staff, not an I/O failure.
 */
public class UnusableImageException extends Exception {

  private final transient Path image;
  private final String detectedType;

  public UnusableImageException(Path image, String detectedType, String message, Throwable cause) {
    super(message, cause);
    this.image = image;
    this.detectedType = detectedType;
  }

  public Path image() {
    return image;
  }

  /** Content type detected from the image's bytes, e.g. {@code image/gif}. */
  public String detectedType() {
    return detectedType;
  }
}
