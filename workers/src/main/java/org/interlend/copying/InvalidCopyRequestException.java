package org.interlend.copying;

/** A digital copy request that cannot be placed as given; nothing was created. */
public class InvalidCopyRequestException extends RuntimeException {

  public InvalidCopyRequestException(String message) {
    super(message);
  }
}
