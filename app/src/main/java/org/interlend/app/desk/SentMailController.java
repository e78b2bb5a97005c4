package org.interlend.app.desk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.interlend.app.local.LocalMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The mails sent through the embedded SMTP server (local mode, where no Mailpit runs). */
@Controller
@Conditional(LocalMode.class)
public class SentMailController {

  private final ObjectProvider<GreenMail> embeddedMail;

  public SentMailController(ObjectProvider<GreenMail> embeddedMail) {
    this.embeddedMail = embeddedMail;
  }

  public record SentMail(String from, String to, String subject, Date sent, String body) {}

  @GetMapping("/desk/mail")
  public String list(Model model) throws MessagingException {
    List<SentMail> mails = new ArrayList<>();
    GreenMail mail = embeddedMail.getIfAvailable();
    model.addAttribute("embedded", mail != null);
    for (MimeMessage m : mail == null ? new MimeMessage[0] : mail.getReceivedMessages()) {
      mails.add(
          new SentMail(
              join(m.getFrom()),
              join(m.getAllRecipients()),
              m.getSubject(),
              m.getSentDate(),
              GreenMailUtil.getBody(m)));
    }
    Collections.reverse(mails);
    model.addAttribute("mails", mails);
    return "desk/mail";
  }

  private static String join(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }
}
