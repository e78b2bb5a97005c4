package org.interlend.app.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.interlend.libraries.Libraries;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patron portal: search the union catalogue in the HKALL scope, and "My Requests". Every page
 * is for the signed-in patron only; another patron's request is "not found".
 */
@Controller
@RequestMapping("/portal")
public class PortalController {

  /** Longest search a patron may type; longer input is refused with a message. */
  static final int MAX_QUERY = 200;

  private final Patrons patrons;
  private final Libraries libraries;
  private final Availability availability;
  private final MyRequests myRequests;
  private final Flows flows;

  public PortalController(
      Patrons patrons,
      Libraries libraries,
      Availability availability,
      MyRequests myRequests,
      Flows flows) {
    this.patrons = patrons;
    this.libraries = libraries;
    this.availability = availability;
    this.myRequests = myRequests;
    this.flows = flows;
  }

  @GetMapping
  public String home(Principal principal, Model model) {
    Patron patron = patron(principal);
    model.addAttribute("patron", patron);
    model.addAttribute("homeLibrary", libraries.find(patron.homeLibrary()).orElse(null));
    model.addAttribute("requests", myRequests.list(patron.id()).stream().limit(5).toList());
    return "portal/home";
  }

  @GetMapping("/search")
  public String search(
      @RequestParam(required = false) String q,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    Patron patron = patron(principal);
    String query = q == null ? "" : q.strip();
    model.addAttribute("patron", patron);
    model.addAttribute("q", query);
    if (query.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", "search.error.empty");
      model.addAttribute("titles", List.of());
      return "portal/search";
    }
    if (query.length() > MAX_QUERY) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", "search.error.long");
      model.addAttribute("maxQuery", MAX_QUERY);
      model.addAttribute("titles", List.of());
      model.addAttribute("q", query.substring(0, MAX_QUERY));
      return "portal/search";
    }
    model.addAttribute("titles", availability.search(query, patron, 25));
    return "portal/search";
  }

  /** Rows per page of My Requests. */
  static final int PAGE_SIZE = 25;

  @GetMapping("/requests")
  public String requests(
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
      Principal principal,
      Model model) {
    Patron patron = patron(principal);
    model.addAttribute("patron", patron);
    MyRequests.Page rows = myRequests.page(patron.id(), page, PAGE_SIZE);
    model.addAttribute("page", rows);
    model.addAttribute("requests", rows.rows());
    model.addAttribute("now", Instant.now());
    return "portal/requests";
  }

  @GetMapping("/requests/{id}")
  public String request(
      @PathVariable String id, Principal principal, Model model, HttpServletResponse response) {
    Patron patron = patron(principal);
    model.addAttribute("patron", patron);
    Optional<MyRequests.Detail> detail = myRequests.detail(patron.id(), id);
    if (detail.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("id", id);
      return "portal/not-found";
    }
    model.addAttribute("detail", detail.get());
    model.addAttribute("now", Instant.now());
    return "portal/request";
  }

  private Patron patron(Principal principal) {
    return patrons.get(principal.getName());
  }
}
