package org.interlend.storage;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.interlend.platform.SettingProblem;

/**
 * An S3 server (S3Proxy) inside this process, on the loopback address, keeping objects as files
 * under a data directory. For local runs and tests; production points at a real S3 endpoint.
 */
public final class EmbeddedS3 implements AutoCloseable {

  public static final String PORT_SETTING = StorageProperties.PREFIX + ".embedded-port";
  public static final String DATA_DIR_SETTING = StorageProperties.PREFIX + ".data-dir";

  private static final String HOST = "127.0.0.1";
  private static final long STOP_TIMEOUT_MS = 5_000;

  private final Path dataDir;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private S3Proxy proxy;

  /**
   * @param dataDir where objects are kept; created when missing
   * @param port the loopback port, 0 for any free one
   */
  public EmbeddedS3(Path dataDir, int port, String accessKey, String secretKey) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    if (port < 0 || port > 65535) {
      throw new SettingProblem(
          PORT_SETTING, "port " + port + " is not a valid TCP port (0 picks a free one)");
    }
    this.port = port;
    this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
    this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
  }

  /**
   * Starts the server and returns when it accepts requests; does nothing if it runs already.
   *
   * @throws SettingProblem when the port is taken or the data directory cannot be created
   */
  public synchronized EmbeddedS3 start() {
    if (proxy != null) {
      return this;
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new SettingProblem(
          DATA_DIR_SETTING,
          "cannot create the embedded S3 data directory "
              + dataDir
              + ": "
              + DocumentStore.describe(e),
          e);
    }
    Properties settings = new Properties();
    settings.setProperty("jclouds.filesystem.basedir", dataDir.toString());
    BlobStore blobStore = BlobStores.create("filesystem", settings);
    S3Proxy candidate =
        S3Proxy.builder()
            .blobStore(blobStore)
            .endpoint(URI.create("http://" + HOST + ":" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .stopTimeout(STOP_TIMEOUT_MS)
            .build();
    try {
      candidate.start();
    } catch (Exception e) {
      stopQuietly(candidate);
      if (causedBy(e, BindException.class)) {
        throw new SettingProblem(
            PORT_SETTING,
            "port "
                + port
                + " on "
                + HOST
                + " is already in use, so the embedded S3 server cannot start",
            e);
      }
      throw new IllegalStateException(
          "the embedded S3 server did not start: " + DocumentStore.describe(e), e);
    }
    proxy = candidate;
    return this;
  }

  /** The server's address, with the actual port. */
  public synchronized URI endpoint() {
    if (proxy == null) {
      throw new IllegalStateException("the embedded S3 server is not running");
    }
    return URI.create("http://" + HOST + ":" + proxy.getPort());
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the server; the files stay. */
  @Override
  public synchronized void close() {
    if (proxy != null) {
      stopQuietly(proxy);
      proxy = null;
    }
  }

  private static void stopQuietly(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      // Stopping is best effort; the port is released with the process at the latest.
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
