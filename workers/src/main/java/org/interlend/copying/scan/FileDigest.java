package org.interlend.copying.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.locks.LockSupport;

/**
 * SHA-256 of a file while it is being written, read back from the file (the page cache) on a second
 * thread: hashing costs about as much as writing a large scan, so on two cores the copy takes the
 * time of the slower of the two instead of their sum. With one core it hashes at the end.
 */
final class FileDigest implements AutoCloseable {

  private static final int CHUNK = 256 * 1024;

  private final FileChannel channel;
  private final MessageDigest sha256 = sha256();
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
  private final Thread thread;

  /** Bytes at the start of the file that are written and may be hashed. */
  private volatile long available;

  private volatile boolean done;
  private volatile boolean aborted;
  private volatile Throwable failure;
  private long hashed;

  private FileDigest(Path file, boolean background) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    thread = background ? Thread.ofPlatform().name("scan-sha256").daemon().start(this::run) : null;
  }

  /** Starts hashing {@code file}, which the caller is writing from its start. */
  static FileDigest follow(Path file) throws IOException {
    return new FileDigest(file, Runtime.getRuntime().availableProcessors() > 1);
  }

  /** The first {@code bytes} bytes of the file are written. */
  void advance(long bytes) {
    available = bytes;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Waits until all {@code total} bytes are hashed and returns the digest. */
  byte[] finish(long total) throws IOException {
    advance(total);
    done = true;
    if (thread == null) {
      hashTo(total);
    } else {
      LockSupport.unpark(thread);
      joinThread();
    }
    if (failure != null) {
      throw new IOException(
          "Could not read back the copy to hash it: " + failure.getMessage(), failure);
    }
    return sha256.digest();
  }

  private void run() {
    try {
      while (!aborted) {
        long target = available;
        if (hashed < target) {
          hashTo(target);
        } else if (done && hashed >= available) {
          return;
        } else {
          LockSupport.park(this);
        }
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  private void hashTo(long target) throws IOException {
    while (hashed < target) {
      buffer.clear();
      buffer.limit((int) Math.min(CHUNK, target - hashed));
      int read = channel.read(buffer, hashed);
      if (read <= 0) {
        throw new IOException(
            "The copy is shorter than written (" + hashed + " of " + target + " bytes)");
      }
      sha256.update(buffer.array(), 0, read);
      hashed += read;
    }
  }

  private void joinThread() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    if (thread != null && thread.isAlive()) {
      aborted = true;
      LockSupport.unpark(thread);
      joinThread();
    }
    channel.close();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
