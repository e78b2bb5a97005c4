package org.interlend.app.staff;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.interlend.calendar.Calendars;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A library's calendar in the staff console: the days it is closed in a year, with the reason.
 * Staff edit their own library's (candidate group {@code staff-<library>}); managers any library's.
 * Due dates, pickup deadlines and task deadlines follow these days.
 */
@Controller
class CalendarController {

  private final Calendars calendars;
  private final Libraries libraries;

  CalendarController(Calendars calendars, Libraries libraries) {
    this.calendars = calendars;
    this.libraries = libraries;
  }

  @GetMapping("/staff/calendar")
  String page(
      @RequestParam(required = false) String library,
      @RequestParam(required = false) Integer year,
      Authentication user,
      Model model) {
    List<Library> editable = editable(user);
    if (editable.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "no library calendar of yours to edit");
    }
    Library shown =
        library == null
            ? editable.get(0)
            : editable.stream()
                .filter(l -> l.code().equals(library))
                .findFirst()
                .orElseThrow(
                    () -> new ResponseStatusException(HttpStatus.FORBIDDEN, "not your library"));
    int y =
        year == null ? LocalDate.now(org.interlend.calendar.LibraryCalendar.ZONE).getYear() : year;
    model.addAttribute("libraries", editable);
    model.addAttribute("library", shown);
    model.addAttribute("year", y);
    model.addAttribute("closed", calendars.closedDays(shown.code(), y));
    model.addAttribute("weekly", calendars.of(shown.code()).closedWeekdays());
    return "staff/calendar";
  }

  @PostMapping("/staff/calendar")
  String close(
      @RequestParam String library,
      @RequestParam String day,
      @RequestParam(required = false) String reason,
      Authentication user,
      RedirectAttributes redirect) {
    requireEditable(user, library);
    LocalDate date = date(day);
    try {
      calendars.close(library, date, reason, user.getName());
      redirect.addFlashAttribute("message", "Closed on " + date + ": " + reason.strip());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/staff/calendar?library=" + library + "&year=" + date.getYear();
  }

  @PostMapping("/staff/calendar/open")
  String reopen(
      @RequestParam String library,
      @RequestParam String day,
      Authentication user,
      RedirectAttributes redirect) {
    requireEditable(user, library);
    LocalDate date = date(day);
    boolean was = calendars.reopen(library, date);
    redirect.addFlashAttribute("message", was ? "Open again on " + date : date + " was not closed");
    return "redirect:/staff/calendar?library=" + library + "&year=" + date.getYear();
  }

  private static LocalDate date(String day) {
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a date (yyyy-mm-dd): " + day);
    }
  }

  private void requireEditable(Authentication user, String library) {
    if (editable(user).stream().noneMatch(l -> l.code().equals(library))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your library: " + library);
    }
  }

  /** Managers edit every library's calendar; staff their own libraries' (by candidate group). */
  private List<Library> editable(Authentication user) {
    Set<String> authorities = new TreeSet<>();
    for (GrantedAuthority a : user.getAuthorities()) {
      authorities.add(a.getAuthority());
    }
    boolean manager = authorities.contains("ROLE_MANAGER");
    return libraries.all().stream()
        .filter(l -> manager || authorities.contains("GROUP_" + l.staffGroup()))
        .toList();
  }
}
