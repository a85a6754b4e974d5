package io.firebreak.metrics.domain.facts;

import io.firebreak.platform.work.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Prometheus exposition (through Quarkus Micrometer at {@code /q/metrics}), read by the Grafana dashboard in
 * {@code deploy/kubernetes/components/monitoring}. Gauges — open real incidents by priority, open data-quality findings by rule — are
 * refreshed from the database every {@code firebreak.metrics.exposition-refresh}. Histograms — MTTA, MTTR, MTTE by
 * priority and service, escalation hop latency by team — observe an incident when it first counts (recorded after the
 * commit that made it count, so a rolled-back or retried fold observes nothing twice); the API stays the source of
 * truth for any period.
 */
@ApplicationScoped
public class Exposition {

    private static final Logger LOG = Logger.getLogger(Exposition.class);
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    private static final List<String> RULES = List.of("MISSING_TIMESTAMP", "IMPOSSIBLE_ORDER", "PRIORITY_AFTER_RESOLUTION", "UNRESOLVED_DISPUTE",
            "UNKNOWN_INCIDENT", "CLOCK_SKEW");

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> findings = new ConcurrentHashMap<>();

    public Exposition(MeterRegistry registry) {
        this.registry = registry;
        for (String p : PRIORITIES) {
            AtomicLong value = open.computeIfAbsent(p, x -> new AtomicLong());
            Gauge.builder("firebreak.incidents.open", value, AtomicLong::get).description("Open real incidents").tag("priority", p).register(registry);
        }
        for (String rule : RULES) {
            AtomicLong value = findings.computeIfAbsent(rule, x -> new AtomicLong());
            Gauge.builder("firebreak.data_quality.findings.open", value, AtomicLong::get).description("Open data-quality findings")
                    .tag("rule", rule).register(registry);
        }
    }

    private DistributionSummary seconds(String name, String description, String... tags) {
        return DistributionSummary.builder(name).baseUnit("seconds").description(description).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(1.0).maximumExpectedValue(7.0 * 24 * 3600).register(registry);
    }

    /** An incident first counts with these figures (any may be null). */
    void counted(String priority, String service, Long mtta, Long mttr, Long mtte) {
        String p = priority == null ? "unknown" : priority;
        String s = service == null ? "unknown" : service;
        AfterCommit.register(() -> {
            if (mtta != null) {
                seconds("firebreak.incident.mtta", "Declared to first acknowledgement", "priority", p, "service", s).record(mtta);
            }
            if (mttr != null) {
                seconds("firebreak.incident.mttr", "Detected to resolved", "priority", p, "service", s).record(mttr);
            }
            if (mtte != null) {
                seconds("firebreak.incident.mtte", "Detected to the resolving team's first page", "priority", p, "service", s).record(mtte);
            }
        });
    }

    void hop(String team, long latencySeconds) {
        AfterCommit.register(() -> seconds("firebreak.escalation.hop.latency", "Time an escalation level had before the next",
                "team", team == null ? "none" : team).record(latencySeconds));
    }

    void finding(String rule) {
        AfterCommit.register(() -> Counter.builder("firebreak.data_quality.findings").description("Data-quality findings raised")
                .tag("rule", rule).register(registry).increment());
    }

    @Scheduled(every = "${firebreak.metrics.exposition-refresh:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createQuery("select priority, count(*) from IncidentMetric"
                        + " where drill = false and declaredAt is not null and resolvedAt is null group by priority", Object[].class).getResultList()
                .invoke(rows -> {
                    Map<String, Long> counts = new java.util.HashMap<>();
                    rows.forEach(r -> counts.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
                    open.forEach((p, v) -> v.set(counts.getOrDefault(p, 0L)));
                })
                .chain(() -> s.createQuery("select rule, count(*) from Finding where resolvedAt is null group by rule", Object[].class).getResultList())
                .invoke(rows -> {
                    Map<String, Long> counts = new java.util.HashMap<>();
                    rows.forEach(r -> counts.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
                    findings.forEach((rule, v) -> v.set(counts.getOrDefault(rule, 0L)));
                })))
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Refreshing the exposition gauges failed, the next run retries: %s", e.getMessage());
                    return null;
                });
    }

    /** For tests: refresh now. */
    public Uni<Void> refreshNow() {
        return refresh();
    }
}
