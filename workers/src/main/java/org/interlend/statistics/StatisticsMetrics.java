package org.interlend.statistics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The statistics as Prometheus metrics (the app exposes {@code /actuator/prometheus}), per service
 * and supplier over the last 90 days, computed at most once a minute:
 *
 * <ul>
 *   <li>{@code interlend_fill_rate{service,supplier}}: filled / ended
 *   <li>{@code interlend_turnaround_median_days{service,supplier}}: median turnaround (the
 *       service's unit: working days, or days for overseas)
 *   <li>{@code interlend_within_promise_ratio{service,supplier}}: filled within the promised time
 *   <li>{@code interlend_requests{service,supplier,state}}: requests (state = all, filled,
 *       not_filled)
 *   <li>{@code interlend_promised_days{service}}: the promise
 * </ul>
 */
@Component
public class StatisticsMetrics {

  static final Duration WINDOW = Duration.ofDays(90);
  static final Duration REFRESH = Duration.ofMinutes(1);

  private final TurnaroundStatistics statistics;
  private final MeterRegistry registry;
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(StatisticsMetrics.class);

  private volatile Instant refreshedAt = Instant.EPOCH;
  private java.util.concurrent.ScheduledExecutorService timer;
  private MultiGauge fillRate;
  private MultiGauge median;
  private MultiGauge withinPromise;
  private MultiGauge requests;

  public StatisticsMetrics(
      TurnaroundStatistics statistics, ObjectProvider<MeterRegistry> registry) {
    this.statistics = statistics;
    this.registry = registry.getIfAvailable();
    if (this.registry != null) {
      fillRate =
          MultiGauge.builder("interlend_fill_rate")
              .description("filled / ended requests, last 90 days")
              .register(this.registry);
      median =
          MultiGauge.builder("interlend_turnaround_median_days")
              .description("median days from request to ready, last 90 days")
              .register(this.registry);
      withinPromise =
          MultiGauge.builder("interlend_within_promise_ratio")
              .description("filled requests within the promised time, last 90 days")
              .register(this.registry);
      requests =
          MultiGauge.builder("interlend_requests")
              .description("requests per supplier, last 90 days")
              .register(this.registry);
      for (Service s : Service.values()) {
        this.registry.gauge(
            "interlend_promised_days", Tags.of("service", s.name()), s, x -> x.promisedDays());
      }
      this.registry.gauge(
          "interlend_statistics_age_seconds",
          Tags.empty(),
          this,
          m -> Duration.between(m.refreshedAt, Instant.now()).toSeconds());
    }
  }

  /** Computes the figures once the app is ready, then every minute on a thread of its own. */
  @org.springframework.context.event.EventListener(
      org.springframework.boot.context.event.ApplicationReadyEvent.class)
  public void start() {
    if (registry == null || timer != null) {
      return;
    }
    timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "interlend-statistics");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            refresh();
          } catch (RuntimeException e) {
            log.warn("The statistics metrics could not be computed: {}", e.toString());
          }
        },
        0,
        REFRESH.toSeconds(),
        java.util.concurrent.TimeUnit.SECONDS);
  }

  @jakarta.annotation.PreDestroy
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** Recomputes the figures now. */
  public synchronized void refresh() {
    if (registry == null) {
      return;
    }
    List<ServiceFigures> figures = statistics.since(Instant.now().minus(WINDOW));
    fillRate.register(rows(figures, ServiceFigures::fillRate), true);
    median.register(rows(figures, ServiceFigures::medianDays), true);
    withinPromise.register(rows(figures, ServiceFigures::withinPromiseRate), true);
    requests.register(
        figures.stream()
            .flatMap(
                f ->
                    java.util.stream.Stream.of(
                        MultiGauge.Row.of(tags(f).and("state", "all"), f.requests()),
                        MultiGauge.Row.of(tags(f).and("state", "filled"), f.filled()),
                        MultiGauge.Row.of(tags(f).and("state", "not_filled"), f.notFilled())))
            .toList(),
        true);
    refreshedAt = Instant.now();
  }

  private static List<MultiGauge.Row<?>> rows(
      List<ServiceFigures> figures, Function<ServiceFigures, Double> value) {
    return figures.stream()
        .filter(f -> value.apply(f) != null)
        .<MultiGauge.Row<?>>map(
            f -> MultiGauge.Row.of(tags(f), Objects.requireNonNull(value.apply(f))))
        .toList();
  }

  private static Tags tags(ServiceFigures f) {
    return Tags.of("service", f.service().name(), "supplier", f.supplier());
  }
}
