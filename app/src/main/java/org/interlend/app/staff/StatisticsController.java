package org.interlend.app.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.interlend.lending.LenderAsks;
import org.interlend.lending.LendingProperties;
import org.interlend.lending.rules.RotaRanking;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.statistics.Service;
import org.interlend.statistics.ServiceFigures;
import org.interlend.statistics.TurnaroundStatistics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Managers' statistics: turnaround and fill rate per supplier and service against the promised
 * times, and where each lender stands in the HKALL rota now (the figures it is ranked by). The same
 * figures are metrics on {@code /actuator/prometheus} ({@code interlend_*}).
 */
@Controller
class StatisticsController {

  static final int MAX_DAYS = 730;

  private final TurnaroundStatistics statistics;
  private final LenderAsks asks;
  private final Libraries libraries;
  private final LendingProperties lending;

  StatisticsController(
      TurnaroundStatistics statistics,
      LenderAsks asks,
      Libraries libraries,
      LendingProperties lending) {
    this.statistics = statistics;
    this.asks = asks;
    this.libraries = libraries;
    this.lending = lending;
  }

  /** One service's table. */
  record Section(Service service, List<ServiceFigures> rows) {}

  /** One lender in the rota now. */
  record Standing(int place, Library library, RotaRanking.Performance performance) {}

  @GetMapping("/staff/statistics")
  String page(@RequestParam(defaultValue = "90") int days, Model model) {
    int window = Math.max(1, Math.min(days, MAX_DAYS));
    Instant now = Instant.now();
    List<ServiceFigures> figures = statistics.since(now.minus(Duration.ofDays(window)));
    List<Section> sections = new ArrayList<>();
    for (Service s : Service.values()) {
      sections.add(new Section(s, figures.stream().filter(f -> f.service() == s).toList()));
    }
    List<Library> all = libraries.all();
    List<String> codes = all.stream().map(Library::code).toList();
    var ranking = new RotaRanking(lending.rota().weights());
    var ordered =
        ranking.order(
            codes,
            asks.recent(codes, now),
            all.stream()
                .collect(java.util.stream.Collectors.toMap(Library::code, Library::rotaRank)),
            now);
    List<Standing> rota = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      String code = ordered.get(i).lender();
      rota.add(
          new Standing(
              i + 1,
              all.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow(),
              ordered.get(i)));
    }
    rota.sort(Comparator.comparingInt(Standing::place));
    model.addAttribute("days", window);
    model.addAttribute("sections", sections);
    model.addAttribute("rota", rota);
    model.addAttribute("weights", lending.rota());
    return "staff/statistics";
  }
}
