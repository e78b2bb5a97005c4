package org.interlend.app.desk;

import java.util.List;
import org.interlend.app.local.LocalMode;
import org.interlend.notices.Notices;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notices of the outbox, newest first, with whether each has gone out (local mode, where no
 * Mailpit runs).
 */
@Controller
@Conditional(LocalMode.class)
class SentMailController {

  static final int PAGE = 50;

  private final Notices notices;

  SentMailController(Notices notices) {
    this.notices = notices;
  }

  @GetMapping("/desk/mail")
  String list(@RequestParam(defaultValue = "0") int page, Model model) {
    int p = Math.max(0, page);
    List<Notices.Notice> mails = notices.recent(p * PAGE, PAGE + 1);
    model.addAttribute("mails", mails.size() > PAGE ? mails.subList(0, PAGE) : mails);
    model.addAttribute("page", p);
    model.addAttribute("hasNext", mails.size() > PAGE);
    return "desk/mail";
  }
}
