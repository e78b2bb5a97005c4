package org.interlend.storage;

import io.minio.errors.MinioException;
import java.net.URI;
import java.nio.file.Path;
import org.interlend.platform.SettingProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The document store, on the configured S3 endpoint or on an embedded S3 server when no endpoint is
 * set. Start-up fails with a {@link SettingProblem} when the store cannot be reached or refuses the
 * credentials.
 */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

  static final String ENDPOINT_SETTING = StorageProperties.PREFIX + ".endpoint";
  static final String PUBLIC_ENDPOINT_SETTING = StorageProperties.PREFIX + ".public-endpoint";
  static final String ACCESS_KEY_SETTING = StorageProperties.PREFIX + ".access-key";
  static final String SECRET_KEY_SETTING = StorageProperties.PREFIX + ".secret-key";
  static final String BUCKET_SETTING = StorageProperties.PREFIX + ".bucket";
  static final String REGION_SETTING = StorageProperties.PREFIX + ".region";

  @Bean(destroyMethod = "close")
  @Conditional(EmbeddedStorageCondition.class)
  @ConditionalOnMissingBean
  public EmbeddedS3 embeddedS3(StorageProperties properties, Environment environment) {
    Path dataDir =
        properties.dataDir() != null
            ? properties.dataDir()
            : Path.of(environment.getProperty("interlend.data-dir", "./data"), "s3");
    return new EmbeddedS3(
            dataDir, properties.embeddedPort(), properties.accessKey(), properties.secretKey())
        .start();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public DocumentStore documentStore(
      StorageProperties properties, ObjectProvider<EmbeddedS3> embedded) {
    requireText(ACCESS_KEY_SETTING, properties.accessKey());
    requireText(SECRET_KEY_SETTING, properties.secretKey());
    requireText(BUCKET_SETTING, properties.bucket());
    requireText(REGION_SETTING, properties.region());
    URI endpoint;
    if (properties.embedded()) {
      EmbeddedS3 server = embedded.getIfAvailable();
      if (server == null) {
        throw new SettingProblem(
            ENDPOINT_SETTING, "no S3 endpoint is set and the embedded S3 server is off");
      }
      endpoint = server.endpoint();
    } else {
      endpoint = requireEndpoint(ENDPOINT_SETTING, properties.endpoint());
    }
    URI publicEndpoint =
        properties.publicEndpoint() == null
            ? endpoint
            : requireEndpoint(PUBLIC_ENDPOINT_SETTING, properties.publicEndpoint());
    return open(properties, endpoint, publicEndpoint);
  }

  @Bean("storage")
  @ConditionalOnEnabledHealthIndicator("storage")
  public StorageHealthIndicator storageHealthIndicator(DocumentStore documentStore) {
    return new StorageHealthIndicator(documentStore);
  }

  /** Opens the store and makes sure its bucket exists, or says which setting is wrong. */
  static DocumentStore open(StorageProperties properties, URI endpoint, URI publicEndpoint) {
    DocumentStore store;
    try {
      store =
          new DocumentStore(
              endpoint,
              publicEndpoint,
              properties.region(),
              properties.accessKey(),
              properties.secretKey(),
              properties.bucket());
    } catch (IllegalArgumentException e) {
      throw new SettingProblem(
          ENDPOINT_SETTING, "cannot use " + endpoint + ": " + e.getMessage(), e);
    }
    try {
      store.ensureBucket();
      return store;
    } catch (IllegalArgumentException e) {
      store.close();
      throw new SettingProblem(
          BUCKET_SETTING,
          "bucket name '" + properties.bucket() + "' is not valid: " + e.getMessage(),
          e);
    } catch (StorageException e) {
      StorageException reason = e;
      if ("AccessDenied".equals(e.errorCode())) {
        try {
          store.probe();
        } catch (StorageException detailed) {
          if (detailed.errorCode() != null) {
            reason = detailed;
          }
        }
      }
      store.close();
      throw settingProblem(reason, properties, endpoint);
    }
  }

  private static SettingProblem settingProblem(
      StorageException e, StorageProperties properties, URI endpoint) {
    String cause = DocumentStore.describe(e.getCause());
    String at = "the object store at " + endpoint;
    if (e.errorCode() == null) {
      // The SDK reports I/O failures as IllegalStateException, odd answers as MinioException.
      return e.getCause() instanceof MinioException
          ? new SettingProblem(
              ENDPOINT_SETTING, at + " does not answer like an S3 service: " + cause, e)
          : new SettingProblem(ENDPOINT_SETTING, "cannot reach " + at + ": " + cause, e);
    }
    return switch (e.errorCode()) {
      case "InvalidAccessKeyId" ->
          new SettingProblem(
              ACCESS_KEY_SETTING,
              at + " does not know access key '" + properties.accessKey() + "': " + cause,
              e);
      case "SignatureDoesNotMatch" ->
          new SettingProblem(
              SECRET_KEY_SETTING,
              at
                  + " rejected the secret key of access key '"
                  + properties.accessKey()
                  + "': "
                  + cause,
              e);
      case "AccessDenied" ->
          new SettingProblem(
              ACCESS_KEY_SETTING,
              "access key '"
                  + properties.accessKey()
                  + "' may not use bucket '"
                  + properties.bucket()
                  + "' at "
                  + endpoint
                  + ": "
                  + cause,
              e);
      case "InvalidBucketName" ->
          new SettingProblem(
              BUCKET_SETTING,
              "bucket name '" + properties.bucket() + "' is not valid: " + cause,
              e);
      case "AuthorizationHeaderMalformed", "InvalidRegion", "IllegalLocationConstraintException" ->
          new SettingProblem(
              REGION_SETTING,
              at + " does not accept region '" + properties.region() + "': " + cause,
              e);
      default ->
          new SettingProblem(
              ENDPOINT_SETTING,
              at + " refused to check bucket '" + properties.bucket() + "': " + cause,
              e);
    };
  }

  private static URI requireEndpoint(String setting, URI uri) {
    String scheme = uri.getScheme();
    boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    String path = uri.getRawPath();
    if (!web
        || uri.getHost() == null
        || (path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null) {
      throw new SettingProblem(
          setting,
          "'"
              + uri
              + "' is not an S3 endpoint; give scheme, host and port only, like http://localhost:9000");
    }
    return uri;
  }

  private static void requireText(String setting, String value) {
    if (value == null || value.isBlank()) {
      throw new SettingProblem(setting, "must not be blank");
    }
  }
}
