package org.interlend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Interlend: interlibrary loan and document delivery on Camunda 8. */
@SpringBootApplication
public class InterlendApplication {

  public static void main(String[] args) {
    SpringApplication.run(InterlendApplication.class, args);
  }
}
