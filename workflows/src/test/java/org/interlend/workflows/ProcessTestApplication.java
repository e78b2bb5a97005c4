package org.interlend.workflows;

import java.util.Optional;
import org.interlend.requests.ProcessState;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The context every process test shares: the in-memory engine, the workers, and the embedded
 * S3Proxy, PostgreSQL and GreenMail. One context for all process tests keeps the run short.
 */
@SpringBootApplication(scanBasePackages = "org.interlend")
public class ProcessTestApplication {

  /** What the app wires for the request domain: whether a process still runs, from the engine. */
  @Bean
  ProcessState processState(EmbeddedEngine engine) {
    return key -> Optional.of(engine.isRunning(key));
  }
}
