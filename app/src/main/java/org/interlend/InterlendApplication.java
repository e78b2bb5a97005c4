package org.interlend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Interlend: interlibrary loan and document delivery on Camunda 8. */
@SpringBootApplication
public class InterlendApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(InterlendApplication.class, args);
    } catch (Throwable e) {
      // the failure analysis has said why; end here, even if a thread of a part that started
      // before the failure would keep the JVM alive
      System.exit(1);
    }
  }
}
