package org.interlend.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code interlend.storage}.
 *
 * @param endpoint the S3 endpoint the server talks to; blank or missing starts the embedded S3
 *     server
 * @param publicEndpoint the endpoint browsers use for presigned links; defaults to the endpoint
 * @param accessKey the S3 access key
 * @param secretKey the S3 secret key; the default is for local runs only, production sets {@code
 *     INTERLEND_STORAGE_SECRET_KEY}
 * @param bucket the bucket holding the documents
 * @param region the S3 region, set so that no region lookup is needed
 * @param embeddedPort the loopback port of the embedded S3 server (0 picks a free one)
 * @param dataDir where the embedded S3 server keeps its files; when unset the configuration uses
 *     {@code ${interlend.data-dir:./data}/s3}
 */
@ConfigurationProperties("interlend.storage")
public record StorageProperties(
    URI endpoint,
    URI publicEndpoint,
    @DefaultValue("interlend-local") String accessKey,
    @DefaultValue("interlend-local-secret") String secretKey,
    @DefaultValue("interlend-documents") String bucket,
    @DefaultValue("us-east-1") String region,
    @DefaultValue("9399") int embeddedPort,
    Path dataDir) {

  public static final String PREFIX = "interlend.storage";

  public StorageProperties {
    endpoint = blankToNull(endpoint);
    publicEndpoint = blankToNull(publicEndpoint);
  }

  /** Whether the embedded S3 server is used, that is no endpoint is set. */
  public boolean embedded() {
    return endpoint == null;
  }

  private static URI blankToNull(URI uri) {
    return uri == null || uri.toString().isBlank() ? null : uri;
  }
}
