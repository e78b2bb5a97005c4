package org.interlend.storage;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code interlend.storage.endpoint} is missing or blank, that is the embedded S3
 * server is wanted.
 */
class EmbeddedStorageCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String endpoint = context.getEnvironment().getProperty(StorageConfiguration.ENDPOINT_SETTING);
    return StringUtils.hasText(endpoint)
        ? ConditionOutcome.noMatch(StorageConfiguration.ENDPOINT_SETTING + " is set")
        : ConditionOutcome.match(StorageConfiguration.ENDPOINT_SETTING + " is blank or missing");
  }
}
