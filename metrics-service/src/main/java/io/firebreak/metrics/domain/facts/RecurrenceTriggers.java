package io.firebreak.metrics.domain.facts;

import io.firebreak.events.EventTypes;
import io.firebreak.events.RecurrenceThresholdBreached;
import io.firebreak.events.RecurrenceThresholdBreached.RecurringIncident;
import io.firebreak.metrics.config.MetricsConfig;
import io.firebreak.metrics.domain.Recurrence;
import io.firebreak.metrics.model.IncidentMetric;
import io.firebreak.metrics.persistence.MetricsRepository;
import io.firebreak.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * After a declaration (its alert fingerprint) or a published post-mortem (its contributing factors): the service's
 * real incidents in the window are grouped by shared cause ({@link Recurrence}); a group that reaches the threshold,
 * or grows past what was last published, is published as {@code recurrence.threshold_breached} (review opens an
 * architectural review, or links the new incident to the open one). In the consumer's transaction.
 */
@ApplicationScoped
public class RecurrenceTriggers {

    private final MetricsRepository repository;
    private final Outbox outbox;
    private final MetricsConfig config;
    private final Clock clock;

    public RecurrenceTriggers(MetricsRepository repository, Outbox outbox, MetricsConfig config, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    static Recurrence.Occurrence occurrence(IncidentMetric m) {
        return new Recurrence.Occurrence(m.incidentId, m.incidentKey, m.businessService, m.declaredAt,
                m.ledger.alertFingerprint == null ? Set.of() : Set.of(m.ledger.alertFingerprint), m.ledger.factors);
    }

    /** The service's real incidents declared in the window ending at {@code at}. */
    public Uni<List<Recurrence.Occurrence>> occurrences(String service, Instant at) {
        return repository.realIncidentsOf(service, at.minus(config.recurrenceWindow()), at)
                .map(rows -> rows.stream().map(RecurrenceTriggers::occurrence).toList());
    }

    public Uni<Void> check(String service) {
        if (service == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return repository.lockService(service).chain(() -> occurrences(service, now)).chain(all -> {
            Uni<Void> work = Uni.createFrom().voidItem();
            for (Recurrence.Group g : Recurrence.breaches(all, now, config.recurrenceWindow(), config.recurrenceThreshold())) {
                work = work.chain(() -> repository.publishedTrigger(g.service(), g.basis(), g.value()).chain(published -> {
                    if (published != null && published >= g.incidents().size()) {
                        return Uni.createFrom().voidItem(); // already told about this many
                    }
                    return repository.service(g.service()).chain(catalog -> outbox.record(EventTypes.RECURRENCE_THRESHOLD_BREACHED, g.service(),
                                    new RecurrenceThresholdBreached(g.service(), catalog == null ? null : catalog.owningTeam, g.basis(), g.value(),
                                            (int) config.recurrenceWindow().toDays(), config.recurrenceThreshold(),
                                            g.incidents().stream().map(o -> new RecurringIncident(o.incidentId(), o.key(), o.declaredAt())).toList(),
                                            now)))
                            .chain(() -> repository.triggerPublished(g.service(), g.basis(), g.value(), g.incidents().size(), now));
                }));
            }
            return work;
        });
    }
}
