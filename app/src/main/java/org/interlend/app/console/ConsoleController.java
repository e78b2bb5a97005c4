package org.interlend.app.console;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.interlend.app.security.Actor;
import org.interlend.requests.RequestStatus;
import org.interlend.workflows.engine.Incidents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console's home ({@code /staff}), in local mode and in production: search the requests
 * the signed-in staff's libraries are involved in, the work queues with their sizes, and the
 * counter's check-in by barcode.
 */
@Controller
class ConsoleController {

  /** How many open incidents the "needs attention" queue looks at. */
  static final int INCIDENTS_LOOKED_AT = 500;

  private final ConsoleSearch search;
  private final Incidents incidents;
  private final RequestFiles files;
  private final TaskLinks links;

  ConsoleController(
      ConsoleSearch search, Incidents incidents, RequestFiles files, TaskLinks links) {
    this.search = search;
    this.incidents = incidents;
    this.files = files;
    this.links = links;
  }

  @GetMapping("/staff")
  String home(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) Integer olderThan,
      @RequestParam(required = false) String queue,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      Principal principal,
      Model model) {
    Actor actor = Actor.of(principal);
    ConsoleSearch.Queue chosen = parse(ConsoleSearch.Queue.class, queue);
    Set<String> attention = attention(actor, model);
    ConsoleSearch.Criteria criteria =
        new ConsoleSearch.Criteria(
            q,
            parse(RequestStatus.class, status) == null ? null : status.toUpperCase(Locale.ROOT),
            parse(ConsoleSearch.Role.class, role),
            olderThan,
            chosen,
            parse(ConsoleSearch.Sort.class, sort),
            page);
    Map<ConsoleSearch.Queue, Long> sizes = new java.util.EnumMap<>(search.queueSizes(actor));
    sizes.put(ConsoleSearch.Queue.NEEDS_ATTENTION, (long) attention.size());
    model.addAttribute("queues", sizes);
    model.addAttribute("queue", chosen);
    model.addAttribute("results", search.search(actor, criteria, attention));
    model.addAttribute("attention", attention);
    model.addAttribute("q", q);
    model.addAttribute("status", criteria.status());
    model.addAttribute("role", criteria.role());
    model.addAttribute("olderThan", olderThan);
    model.addAttribute(
        "sort", criteria.sort() == null ? ConsoleSearch.Sort.NEWEST : criteria.sort());
    model.addAttribute("statuses", RequestStatus.values());
    model.addAttribute("staffOfLibraries", !actor.libraries().isEmpty());
    model.addAttribute("tasksUrl", links.tasks());
    model.addAttribute(
        "searching",
        chosen != null
            || (q != null && !q.isBlank())
            || criteria.status() != null
            || criteria.role() != null
            || (olderThan != null && olderThan > 0));
    return "console/home";
  }

  /** The counter's check-in: the barcode scanned finds the loan, whose page confirms the return. */
  @PostMapping("/staff/check-in")
  String findByBarcode(
      @RequestParam String barcode, Principal principal, RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    String code = barcode == null ? "" : barcode.strip();
    if (code.isEmpty()) {
      redirect.addFlashAttribute("error", "Scan or type the barcode of the returned item.");
      return "redirect:/staff";
    }
    return search
        .openLoanByBarcode(actor, code)
        .map(
            id -> {
              redirect.addAttribute("checkIn", code);
              return "redirect:/staff/requests/" + id + "#check-in";
            })
        .orElseGet(
            () -> {
              redirect.addFlashAttribute(
                  "error",
                  "No open loan of your library has an item with the barcode " + code + ".");
              return "redirect:/staff";
            });
  }

  /** The requests with an open incident that this staff member may see; the engine may be down. */
  private Set<String> attention(Actor actor, Model model) {
    try {
      List<Incidents.Incident> open = incidents.open(INCIDENTS_LOOKED_AT);
      if (open.isEmpty()) {
        return Set.of();
      }
      return search.visible(actor, new ArrayList<>(files.byRequest(open).keySet()));
    } catch (RuntimeException e) {
      model.addAttribute(
          "engineProblem",
          "The workflow engine could not be asked for incidents: " + e.getMessage());
      return Set.of();
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
