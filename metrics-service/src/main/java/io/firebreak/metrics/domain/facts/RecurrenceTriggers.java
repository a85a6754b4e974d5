package io.firebreak.metrics.domain.facts;

import io.firebreak.events.EventTypes;
import io.firebreak.events.RecurrenceThresholdBreached;
import io.firebreak.events.RecurrenceThresholdBreached.RecurringIncident;
import io.firebreak.metrics.config.MetricsConfig;
import io.firebreak.metrics.domain.Recurrence;
import io.firebreak.metrics.persistence.MetricsRepository;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.sql.SqlTimes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

    /** A row of {@code realIncidentsOf}: id, key, declared, fingerprint, factors. */
    private static Recurrence.Occurrence occurrence(String service, Object[] row) {
        String fingerprint = (String) row[3];
        return new Recurrence.Occurrence((UUID) row[0], (String) row[1], service, SqlTimes.instant(row[2]),
                fingerprint == null ? Set.of() : Set.of(fingerprint), row[4] == null ? Set.of() : Set.copyOf(java.util.Arrays.asList((String[]) row[4])));
    }

    /** The service's real incidents declared in the window ending at {@code at}. */
    public Uni<List<Recurrence.Occurrence>> occurrences(String service, Instant at) {
        return repository.realIncidentsOf(service, at.minus(config.recurrenceWindow()), at)
                .map(rows -> rows.stream().map(row -> occurrence(service, row)).toList());
    }

    /**
     * After the incident's causes became known (its declaration's alert fingerprint, its post-mortem's contributing
     * factors): the groups of its service sharing one of them. Only those can have grown, so only the incidents
     * sharing them are read — not every incident of the service in the window.
     */
    public Uni<Void> check(UUID incidentId) {
        return repository.incident(incidentId).chain(m -> {
            if (m == null || m.businessService == null || m.drill || m.declaredAt == null) {
                return Uni.createFrom().voidItem();
            }
            String[] fingerprints = m.alertFingerprint == null ? new String[0] : new String[]{m.alertFingerprint};
            String[] factors = m.factors == null ? new String[0] : m.factors;
            if (fingerprints.length == 0 && factors.length == 0) {
                return Uni.createFrom().voidItem();
            }
            Set<List<String>> causes = new java.util.HashSet<>();
            for (String f : fingerprints) {
                causes.add(List.of(Recurrence.FINGERPRINT, f));
            }
            for (String f : factors) {
                causes.add(List.of(Recurrence.FACTOR, f));
            }
            return check(m.businessService, fingerprints, factors, causes);
        });
    }

    private Uni<Void> check(String service, String[] fingerprints, String[] factors, Set<List<String>> causes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = now.minus(config.recurrenceWindow());
        // Two incidents of one service folded at once must not both miss each other: the second waits for the lock, and
        // its query then sees the first committed.
        return repository.lockService(service)
                .chain(() -> repository.realIncidentsSharing(service, from, now, fingerprints, factors))
                .map(rows -> rows.stream().map(row -> occurrence(service, row)).toList()).chain(all -> {
            Uni<Void> work = Uni.createFrom().voidItem();
            // Groups of other causes are incomplete here (only incidents sharing one of these were read) and unchanged.
            for (Recurrence.Group g : Recurrence.breaches(all, now, config.recurrenceWindow(), config.recurrenceThreshold()).stream()
                    .filter(g -> causes.contains(List.of(g.basis(), g.value()))).toList()) {
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
