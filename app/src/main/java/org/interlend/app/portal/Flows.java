package org.interlend.app.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Which request flows this build deploys (the processes under {@code camunda/}). The portal offers
 * an action only when the process behind it is there, so a build without a flow shows no dead
 * button.
 */
@Component
public class Flows {

  private static final Pattern PROCESS =
      Pattern.compile("<(?:bpmn:)?process\\s[^>]*\\bid=\"([^\"]+)\"");

  private final Set<String> processes;

  public Flows() {
    Set<String> found = new HashSet<>();
    try {
      for (Resource r :
          new PathMatchingResourcePatternResolver().getResources("classpath*:/camunda/**/*.bpmn")) {
        try (InputStream in = r.getInputStream()) {
          Matcher m = PROCESS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) {
            found.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the process models under classpath:camunda/", e);
    }
    this.processes = Set.copyOf(found);
  }

  public boolean deployed(String processId) {
    return processes.contains(processId);
  }

  public boolean physicalLoans() {
    return deployed("physical-loan");
  }

  public boolean renewals() {
    return deployed("loan-lifecycle");
  }

  public boolean digitalCopies() {
    return deployed("digital-copy");
  }

  public boolean overseas() {
    return deployed("overseas-request");
  }
}
