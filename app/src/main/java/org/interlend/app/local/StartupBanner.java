package org.interlend.app.local;

import java.lang.management.ManagementFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints one banner with every URL once the app is ready. */
@Component
public class StartupBanner {

  private final Environment env;

  public StartupBanner(Environment env) {
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void print() {
    String app = env.getProperty("interlend.public-url", "http://localhost:8080");
    boolean localEngine = blank("interlend.engine.grpc-address");
    StringBuilder b = new StringBuilder("\n");
    b.append("==================================================================\n");
    b.append(" Interlend is ready in ")
        .append(ManagementFactory.getRuntimeMXBean().getUptime())
        .append(" ms\n");
    b.append(" Patron portal ........ ").append(app).append("/\n");
    b.append(" Health ............... ").append(app).append("/actuator/health\n");
    if (localEngine) {
      b.append(" Staff desk (local) ... ").append(app).append("/desk\n");
      b.append(" Sent mail (local) .... ").append(app).append("/desk/mail\n");
      b.append(" Engine ............... in-memory Zeebe, gRPC 127.0.0.1:")
          .append(env.getProperty("interlend.engine.embedded-port"))
          .append("\n");
      b.append(
          "   The local engine keeps NO state across restarts: processes and tasks start afresh.\n");
    } else {
      b.append(" Engine ............... ")
          .append(env.getProperty("interlend.engine.grpc-address"))
          .append(" (Tasklist and Operate are the staff UIs)\n");
    }
    b.append(" Object store ......... ")
        .append(
            blank("interlend.storage.endpoint")
                ? "S3Proxy http://127.0.0.1:"
                    + env.getProperty("interlend.storage.embedded-port")
                    + " (files under "
                    + env.getProperty("interlend.data-dir")
                    + "/s3)"
                : env.getProperty("interlend.storage.endpoint"))
        .append("\n");
    b.append(" Database ............. ")
        .append(
            blank("interlend.db.url")
                ? "embedded PostgreSQL (fresh at each start, demo data loaded)"
                : env.getProperty("interlend.db.url"))
        .append("\n");
    b.append(" Mail ................. ")
        .append(
            blank("interlend.mail.host")
                ? "GreenMail SMTP 127.0.0.1:" + env.getProperty("spring.mail.port")
                : env.getProperty("interlend.mail.host")
                    + ":"
                    + env.getProperty("spring.mail.port"))
        .append("\n");
    b.append("==================================================================");
    System.out.println(b);
  }

  private boolean blank(String key) {
    String v = env.getProperty(key);
    return v == null || v.isBlank();
  }
}
