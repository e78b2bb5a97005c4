package org.interlend.app.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, and the start page that sends each user where their work is: patrons to the
 * portal, staff, managers and administrators to the staff console (which links to their tasks: the
 * local desk, or Tasklist on a Camunda cluster).
 */
@Controller
public class SignInController {

  private final SignInOptions options;

  public SignInController(SignInOptions options) {
    this.options = options;
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
    if (roles.contains("ROLE_STAFF")
        || roles.contains("ROLE_MANAGER")
        || roles.contains("ROLE_ADMIN")) {
      return "redirect:/staff";
    }
    return "redirect:/login?error";
  }
}
