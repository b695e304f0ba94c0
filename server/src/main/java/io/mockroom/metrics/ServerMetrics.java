package io.mockroom.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The server's meters, in one place, scraped at {@code GET /metrics} (Prometheus text format).
 * Names are stable: dashboards and docs/performance.md refer to them.
 */
public final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  public final AtomicInteger sockets = new AtomicInteger();
  public final AtomicInteger slowSockets = new AtomicInteger();
  public final Counter editsIn;
  public final Counter editsOut;
  public final DistributionSummary batchSize;
  public final Timer commitLatency;
  public final Timer fanOut;
  public final Counter reconnects;
  public final Counter roomClaims;
  public final Counter ownershipMoves;
  public final Counter refusedEvents;

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Gauge.builder("mockroom_sockets", sockets, AtomicInteger::get).description("Open room sockets").register(registry);
    Gauge.builder("mockroom_sockets_not_reading", slowSockets, AtomicInteger::get)
        .description("Sockets whose outbound queue is full (the peer stopped reading)").register(registry);
    editsIn = Counter.builder("mockroom_edits_in").description("Editor updates accepted").register(registry);
    editsOut = Counter.builder("mockroom_edits_out").description("Editor updates delivered to sockets").register(registry);
    batchSize = DistributionSummary.builder("mockroom_eventlog_batch_size").description("Events per group commit")
        .publishPercentileHistogram().register(registry);
    commitLatency = Timer.builder("mockroom_eventlog_commit").description("Time to commit one batch of session events")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    fanOut = Timer.builder("mockroom_fanout").description("From a push received to its updates sent to every socket (commit included)")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    reconnects = Counter.builder("mockroom_reconnects").description("Participants who came back to a room on a new socket")
        .register(registry);
    roomClaims = Counter.builder("mockroom_room_claims").description("Rooms this node loaded under a new ownership epoch")
        .register(registry);
    ownershipMoves = Counter.builder("mockroom_ownership_moves")
        .description("Rooms this node took over from an owner that left the cluster").register(registry);
    // Each is also logged as an error; a rate above zero means a room keeps reloading (docs/protocol.md, not_stored).
    refusedEvents = Counter.builder("mockroom_eventlog_refused")
        .description("Session events the database refused for what they hold (not stored; their room reloads)").register(registry);
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }
}
