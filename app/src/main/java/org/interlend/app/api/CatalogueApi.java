package org.interlend.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.interlend.app.portal.Availability;
import org.interlend.app.portal.Availability.Copy;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The union catalogue in the HKALL scope, with each library's copies and requestability. */
@RestController
@RequestMapping("/api/catalogue")
@Tag(name = "Catalogue", description = "Search the union catalogue of the consortium")
public class CatalogueApi {

  private final Availability availability;
  private final Patrons patrons;
  private final String defaultHomeLibrary;

  public CatalogueApi(
      Availability availability,
      Patrons patrons,
      @Value("${interlend.home-library:cityu}") String defaultHomeLibrary) {
    this.availability = availability;
    this.patrons = patrons;
    this.defaultHomeLibrary = defaultHomeLibrary;
  }

  /**
   * @param requestable whether the signed-in patron can place a physical HKALL request
   * @param reason why (or why not): REQUESTABLE, AVAILABLE_AT_HOME, NOT_HELD, NON_LOANABLE, ALL_OUT
   * @param reasonMessage the refusal as the patron reads it (null when requestable)
   * @param lenders libraries that could lend a copy now, in rota order
   */
  public record TitleView(
      long id,
      String title,
      String author,
      String isbn,
      String issn,
      String publisher,
      Integer year,
      boolean requestable,
      String reason,
      String reasonMessage,
      List<String> lenders,
      List<Copy> copies) {}

  @GetMapping
  @Operation(
      summary = "Search titles by title, author, ISBN or ISSN",
      description =
          "Requestability is for the signed-in patron's home library (a copy on the shelf at home"
              + " must be borrowed there).")
  public List<TitleView> search(
      @Parameter(description = "words of the title or author, or an ISBN/ISSN")
          @RequestParam(required = false)
          @NotBlank(message = "enter a title, author, ISBN or ISSN")
          @Size(max = 200, message = "use at most 200 characters")
          String q,
      @Parameter(description = "most titles returned (1-100)")
          @RequestParam(defaultValue = "25")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int limit,
      Principal principal) {
    String home =
        patrons.find(principal.getName()).map(Patron::homeLibrary).orElse(defaultHomeLibrary);
    return availability.search(q.strip(), home, limit).stream()
        .map(
            t ->
                new TitleView(
                    t.bib().id(),
                    t.bib().title(),
                    t.bib().author(),
                    t.bib().isbn(),
                    t.bib().issn(),
                    t.bib().publisher(),
                    t.bib().year(),
                    t.verdict().requestable(),
                    t.verdict().name(),
                    t.refusal(),
                    t.lenders(),
                    t.copies()))
        .toList();
  }
}
