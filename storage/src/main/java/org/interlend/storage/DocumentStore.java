package org.interlend.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents in one S3 bucket, through the MinIO client. Keys are chosen by the caller.
 *
 * <p>Failures of the store come out as {@link StorageException} (the SDK reports refusals as {@code
 * MinioException} and I/O failures as {@code IllegalStateException}; both are wrapped); wrong
 * arguments as {@link IllegalArgumentException}. Streams returned by the read methods must be
 * closed.
 */
public class DocumentStore implements AutoCloseable {

  /** The longest validity S3 accepts for a presigned link. */
  public static final Duration MAX_PRESIGN_VALIDITY = Duration.ofDays(7);

  private static final long CONNECT_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(10);
  private static final long TRANSFER_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);
  private static final long PART_SIZE_FOR_UNKNOWN_LENGTH = 16L * 1024 * 1024;
  private static final int MAX_DESCRIPTION = 300;
  private static final String METADATA_PREFIX = "x-amz-meta-";
  private static final Pattern METADATA_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]*");
  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=", Pattern.CASE_INSENSITIVE);

  private final URI endpoint;
  private final String bucket;
  private final MinioClient client;
  private final MinioClient presigner;

  /**
   * @param endpoint the S3 endpoint this server talks to
   * @param publicEndpoint the endpoint browsers reach; presigned links are signed for this host
   * @param region the region, set so that the client never looks it up
   */
  public DocumentStore(
      URI endpoint,
      URI publicEndpoint,
      String region,
      String accessKey,
      String secretKey,
      String bucket) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.client = client(endpoint, region, accessKey, secretKey);
    this.client.setTimeout(CONNECT_TIMEOUT_MS, TRANSFER_TIMEOUT_MS, TRANSFER_TIMEOUT_MS);
    // Presigning is computed locally (the region is known), so this client never connects.
    this.presigner =
        publicEndpoint == null || publicEndpoint.equals(endpoint)
            ? client
            : client(publicEndpoint, region, accessKey, secretKey);
  }

  /**
   * Every call ends within bounded time, so a hung store cannot stall a worker or a download: 5 s
   * to connect, 30 s without a byte read or written.
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

  private static MinioClient client(
      URI endpoint, String region, String accessKey, String secretKey) {
    okhttp3.OkHttpClient http =
        io.minio.Http.newDefaultClient()
            .newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(IO_TIMEOUT)
            .writeTimeout(IO_TIMEOUT)
            .build();
    return MinioClient.builder()
        .endpoint(endpoint.toString())
        .region(region)
        .credentials(accessKey, secretKey)
        .httpClient(http, true)
        .build();
  }

  public URI endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }

  /**
   * Stores {@code size} bytes read from {@code in} (which the caller closes); a size of -1 means
   * unknown. Metadata names are letters, digits, '.', '_' or '-' (S3 returns them in lower case);
   * values may be any text.
   */
  public void put(
      String key, InputStream in, long size, String contentType, Map<String, String> metadata) {
    requireKey(key);
    Objects.requireNonNull(in, "in");
    try {
      PutObjectArgs.Builder args =
          PutObjectArgs.builder().bucket(bucket).object(key).stream(
                  in, size >= 0 ? size : null, size >= 0 ? null : PART_SIZE_FOR_UNKNOWN_LENGTH)
              .userMetadata(encode(metadata));
      if (contentType != null) {
        args.contentType(contentType);
      }
      client.putObject(args.build());
    } catch (MinioException | IllegalStateException e) {
      throw failure("put", key, e);
    }
  }

  /**
   * Stores the content of {@code file}; metadata as for {@link #put(String, InputStream, long,
   * String, Map)}.
   */
  public void put(String key, Path file, String contentType, Map<String, String> metadata) {
    requireKey(key);
    Objects.requireNonNull(file, "file");
    try {
      UploadObjectArgs.Builder args =
          UploadObjectArgs.builder()
              .bucket(bucket)
              .object(key)
              .filename(file.toString())
              .userMetadata(encode(metadata));
      if (contentType != null) {
        args.contentType(contentType);
      }
      client.uploadObject(args.build());
    } catch (MinioException | IllegalStateException e) {
      throw failure("put", key, e);
    }
  }

  /** The object's size, type, entity tag and metadata, or empty when there is no such object. */
  public Optional<StoredObject> stat(String key) {
    requireKey(key);
    try {
      StatObjectResponse stat =
          client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
      return Optional.of(
          new StoredObject(
              key, stat.size(), stat.contentType(), stat.etag(), metadata(stat.userMetadata())));
    } catch (MinioException | IllegalStateException e) {
      if ("NoSuchKey".equals(errorCode(e))) {
        return Optional.empty();
      }
      throw failure("stat", key, e);
    }
  }

  /** The whole object. */
  public InputStream get(String key) {
    requireKey(key);
    try {
      return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (MinioException | IllegalStateException e) {
      throw failure("get", key, e);
    }
  }

  /** {@code length} bytes from {@code offset} (fewer when the object ends first). */
  public InputStream getRange(String key, long offset, long length) {
    requireKey(key);
    if (offset < 0 || length <= 0) {
      throw new IllegalArgumentException(
          "range needs offset >= 0 and length > 0, got offset " + offset + ", length " + length);
    }
    try {
      return client.getObject(
          GetObjectArgs.builder().bucket(bucket).object(key).offset(offset).length(length).build());
    } catch (MinioException | IllegalStateException e) {
      throw failure("get range of", key, e);
    }
  }

  /**
   * A link that lets anyone holding it download the object for {@code validity} (whole seconds,
   * rounded down, at most {@link #MAX_PRESIGN_VALIDITY}), signed for the public endpoint.
   */
  public URI presignedGet(String key, Duration validity) {
    return presignedGet(key, validity, null);
  }

  /**
   * A presigned GET whose response asks the browser to save the object as {@code downloadName} (the
   * signed {@code response-content-disposition} parameter); null keeps the store's headers.
   */
  public URI presignedGet(String key, Duration validity, String downloadName) {
    requireKey(key);
    Objects.requireNonNull(validity, "validity");
    long seconds = validity.toSeconds();
    if (seconds < 1 || validity.compareTo(MAX_PRESIGN_VALIDITY) > 0) {
      throw new IllegalArgumentException(
          "presigned link validity must be between 1 second and 7 days, got " + validity);
    }
    try {
      return URI.create(
          presigner.getPresignedObjectUrl(
              GetPresignedObjectUrlArgs.builder()
                  .method(Http.Method.GET)
                  .bucket(bucket)
                  .object(key)
                  .expiry((int) seconds, TimeUnit.SECONDS)
                  .extraQueryParams(
                      downloadName == null
                          ? java.util.Map.of()
                          : java.util.Map.of(
                              "response-content-disposition", attachment(downloadName)))
                  .build()));
    } catch (MinioException | IllegalStateException e) {
      throw failure("presign", key, e);
    }
  }

  /** {@code attachment; filename="..."} with a plain-ASCII name (anything else becomes '_'). */
  static String attachment(String downloadName) {
    String safe = downloadName.replaceAll("[^A-Za-z0-9._-]", "_");
    return "attachment; filename=\"" + (safe.isBlank() ? "download" : safe) + "\"";
  }

  /** Removes the object; removing a missing object is fine. */
  public void remove(String key) {
    requireKey(key);
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (MinioException | IllegalStateException e) {
      if (!"NoSuchKey".equals(errorCode(e))) {
        throw failure("remove", key, e);
      }
    }
  }

  /** Whether the bucket exists. */
  public boolean bucketExists() {
    try {
      return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    } catch (MinioException | IllegalStateException e) {
      throw failure("check", null, e);
    }
  }

  /** Creates the bucket unless it exists. */
  public void ensureBucket() {
    if (bucketExists()) {
      return;
    }
    try {
      client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    } catch (MinioException | IllegalStateException e) {
      String code = errorCode(e);
      if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
        throw failure("create", null, e);
      }
    }
  }

  /**
   * Lists at most one key. Used to learn why the store refuses: a refused HEAD (as in {@link
   * #bucketExists()}) has no body, so the store cannot say whether the access key or the signature
   * is wrong; a refused GET says.
   */
  void probe() {
    try {
      for (Result<Item> item :
          client.listObjects(ListObjectsArgs.builder().bucket(bucket).maxKeys(1).build())) {
        item.get();
        break;
      }
    } catch (MinioException | IllegalStateException e) {
      throw failure("list", null, e);
    }
  }

  @Override
  public void close() {
    closeQuietly(client);
    if (presigner != client) {
      closeQuietly(presigner);
    }
  }

  private static void closeQuietly(MinioClient c) {
    try {
      c.close();
    } catch (Exception e) {
      // Nothing left to release that matters at shutdown.
    }
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("object key must not be blank");
    }
  }

  /**
   * S3 metadata travels in HTTP headers, which carry printable ASCII only; other values are sent as
   * RFC 2047 encoded words and decoded again by {@link #stat}.
   */
  private static Map<String, String> encode(Map<String, String> metadata) {
    if (metadata == null) {
      return Map.of();
    }
    Map<String, String> encoded = new LinkedHashMap<>();
    metadata.forEach(
        (name, value) -> {
          if (name == null || !METADATA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "metadata name '" + name + "' must be letters, digits, '.', '_' or '-'");
          }
          Objects.requireNonNull(value, () -> "metadata value of '" + name + "'");
          boolean plain = PRINTABLE_ASCII.matcher(value).matches() && value.equals(value.strip());
          encoded.put(
              name,
              plain
                  ? value
                  : "=?UTF-8?B?"
                      + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                      + "?=");
        });
    return encoded;
  }

  private static String decode(String value) {
    Matcher word = ENCODED_WORD.matcher(value);
    return word.matches()
        ? new String(Base64.getDecoder().decode(word.group(1)), StandardCharsets.UTF_8)
        : value;
  }

  private static Map<String, String> metadata(Http.Headers headers) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(METADATA_PREFIX)) {
        name = name.substring(METADATA_PREFIX.length());
      }
      metadata.putIfAbsent(name, decode(header.getValue()));
    }
    return metadata;
  }

  private static String errorCode(Exception e) {
    return e instanceof ErrorResponseException response && response.errorResponse() != null
        ? response.errorResponse().code()
        : null;
  }

  private StorageException failure(String operation, String key, Exception e) {
    String target =
        key == null ? "bucket '" + bucket + "'" : "'" + key + "' in bucket '" + bucket + "'";
    String message =
        "could not " + operation + " " + target + " at " + endpoint + ": " + describe(e);
    return new StorageException(operation, key, errorCode(e), message, e);
  }

  /** One line saying what went wrong: the S3 error code and message, or the innermost cause. */
  static String describe(Throwable e) {
    if (e instanceof ErrorResponseException response && response.errorResponse() != null) {
      String code = response.errorResponse().code();
      String text = response.errorResponse().message();
      return oneLine(text == null || text.isBlank() ? code : code + " (" + text + ")");
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    String type = root.getClass().getSimpleName();
    return oneLine(text == null || text.isBlank() ? type : text + " (" + type + ")");
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_DESCRIPTION ? line : line.substring(0, MAX_DESCRIPTION) + "...";
  }
}
