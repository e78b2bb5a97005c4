package org.interlend.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page that sends each user where their work is. */
@Controller
public class SignInController {

  private final SignInOptions options;
  private final String staffStart;

  /**
   * @param tasklistUrl where staff work when a Camunda cluster runs the processes (Tasklist); with
   *     the in-memory engine they use the local staff desk
   */
  public SignInController(
      SignInOptions options,
      @Value("${interlend.engine.grpc-address:}") String grpcAddress,
      @Value("${interlend.engine.tasklist-url:}") String tasklistUrl,
      @Value("${interlend.engine.rest-address:}") String restAddress) {
    this.options = options;
    if (grpcAddress == null || grpcAddress.isBlank()) {
      this.staffStart = "/desk";
    } else if (tasklistUrl != null && !tasklistUrl.isBlank()) {
      this.staffStart = tasklistUrl;
    } else {
      this.staffStart = restAddress.replaceAll("/+$", "") + "/tasklist";
    }
  }

  @GetMapping("/login")
  public String signIn(Model model, jakarta.servlet.http.HttpSession session) {
    model.addAttribute("options", options);
    Object refusal = session.getAttribute(SignInThrottleFilter.REFUSAL);
    if (refusal != null) {
      model.addAttribute("refusal", refusal);
      session.removeAttribute(SignInThrottleFilter.REFUSAL);
    }
    return "login";
  }

  @GetMapping("/")
  public String start(Authentication user) {
    var roles = AuthorityUtils.authorityListToSet(user.getAuthorities());
    if (roles.contains("ROLE_PATRON")) {
      return "redirect:/portal";
    }
    if (roles.contains("ROLE_STAFF") || roles.contains("ROLE_MANAGER")) {
      return "redirect:" + staffStart;
    }
    if (roles.contains("ROLE_ADMIN")) {
      return staffStart.equals("/desk") ? "redirect:/desk" : "redirect:/actuator/health";
    }
    return "redirect:/login?error";
  }
}
