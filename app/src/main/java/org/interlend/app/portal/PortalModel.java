package org.interlend.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page and the sign-in page need: the language switch's links, the flows. */
@ControllerAdvice(basePackages = {"org.interlend.app.portal", "org.interlend.app.security"})
public class PortalModel {

  private final Flows flows;

  public PortalModel(Flows flows) {
    this.flows = flows;
  }

  /** Which flows are deployed: pages offer only their actions. */
  @ModelAttribute("flows")
  public Flows flows() {
    return flows;
  }

  /** Fresh idempotency keys for the request forms: {@code ${idempotency.key()}}, one per form. */
  public static final class IdempotencyKeys {
    public String key() {
      return java.util.UUID.randomUUID().toString();
    }
  }

  @ModelAttribute("idempotency")
  public IdempotencyKeys idempotency() {
    return new IdempotencyKeys();
  }

  @ModelAttribute("langEnglish")
  public String langEnglish(HttpServletRequest request) {
    return switchTo(request, "en");
  }

  @ModelAttribute("langChinese")
  public String langChinese(HttpServletRequest request) {
    return switchTo(request, "zh-TW");
  }

  /** The page itself (GET parameters kept, still URL-encoded) in another language. */
  static String switchTo(HttpServletRequest request, String tag) {
    List<String> params = new ArrayList<>();
    String query = request.getQueryString();
    if (query != null && !query.isEmpty()) {
      for (String p : query.split("&")) {
        if (!p.isEmpty() && !p.startsWith("lang=") && !p.equals("lang")) {
          params.add(p);
        }
      }
    }
    params.add("lang=" + tag);
    String path = request.getMethod().equals("GET") ? request.getRequestURI() : "/portal";
    return path + "?" + String.join("&", params);
  }
}
