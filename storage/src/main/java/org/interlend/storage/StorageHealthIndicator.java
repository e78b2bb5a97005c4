package org.interlend.storage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Up when the document bucket exists; shows the endpoint and bucket. */
public class StorageHealthIndicator implements HealthIndicator {

  private final DocumentStore store;

  public StorageHealthIndicator(DocumentStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    Health.Builder health =
        Health.unknown()
            .withDetail("endpoint", store.endpoint().toString())
            .withDetail("bucket", store.bucket());
    try {
      return store.bucketExists()
          ? health.up().build()
          : health.down().withDetail("error", "the bucket does not exist").build();
    } catch (StorageException e) {
      return health.down().withDetail("error", e.getMessage()).build();
    }
  }
}
