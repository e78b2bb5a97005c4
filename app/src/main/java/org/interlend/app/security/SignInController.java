package org.interlend.app.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page that sends each user where their work is. */
@Controller
public class SignInController {

  private final SignInOptions options;

  public SignInController(SignInOptions options) {
    this.options = options;
  }

  @GetMapping("/login")
  public String signIn(Model model) {
    model.addAttribute("options", options);
    return "login";
  }

  @GetMapping("/")
  public String start(Authentication user) {
    var roles = AuthorityUtils.authorityListToSet(user.getAuthorities());
    if (roles.contains("ROLE_PATRON")) {
      return "redirect:/portal";
    }
    if (roles.contains("ROLE_STAFF")) {
      return "redirect:/desk";
    }
    return "redirect:/login?error";
  }
}
