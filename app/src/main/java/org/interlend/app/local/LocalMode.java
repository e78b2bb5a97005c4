package org.interlend.app.local;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Local mode: the workflow engine runs in-process, so the local staff desk stands in for Tasklist.
 */
public class LocalMode implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String grpc = context.getEnvironment().getProperty("interlend.engine.grpc-address");
    return grpc == null || grpc.isBlank();
  }

  /** The opposite: the processes run on a Camunda cluster. */
  public static class Cluster implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new LocalMode().matches(context, metadata);
    }
  }
}
