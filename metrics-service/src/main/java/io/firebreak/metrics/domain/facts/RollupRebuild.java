package io.firebreak.metrics.domain.facts;

import io.firebreak.metrics.model.rollup.Contribution;
import io.firebreak.metrics.model.rollup.PeriodCover;
import io.firebreak.metrics.model.rollup.RollupChanges;
import io.firebreak.metrics.persistence.RollupRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Rebuilds every rollup from the incidents themselves, one month at a time in one transaction, while folds wait (the
 * incident table is locked against change): once at start-up when incidents predate the rollups, and on an
 * administrator's request (after a manual repair of the data). The answer is what the incremental upkeep must equal.
 */
@ApplicationScoped
public class RollupRebuild {

    private static final Logger LOG = Logger.getLogger(RollupRebuild.class);

    public record Rebuilt(long incidents, long months) {
    }

    private final RollupRepository rollups;

    public RollupRebuild(RollupRepository rollups) {
        this.rollups = rollups;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        // Start-up is not on the event loop: waiting here keeps summaries from being answered from missing rollups.
        Rebuilt done = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> rollups.rebuildNeeded()
                .chain(needed -> needed ? rebuildLocked() : Uni.createFrom().nullItem())));
        if (done != null) {
            LOG.infof("Rebuilt the metric rollups from %d incidents (%d months)", done.incidents(), done.months());
        }
    }

    /** Rebuilds all rollups now. */
    public Uni<Rebuilt> rebuild() {
        return Panache.withTransaction(this::rebuildLocked);
    }

    private Uni<Rebuilt> rebuildLocked() {
        return rollups.startRebuild().chain(rollups::declaredSpan).chain(span -> {
            if (span == null) {
                return Uni.createFrom().item(new Rebuilt(0, 0));
            }
            long[] incidents = {0};
            long[] months = {0};
            Uni<Void> all = Uni.createFrom().voidItem();
            for (LocalDate month = span[0].withDayOfMonth(1); !month.isAfter(span[1]); month = month.plusMonths(1)) {
                List<PeriodCover.Raw> part = List.of(new PeriodCover.Raw(month.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
                all = all.chain(() -> rollups.raw(part).chain(raw -> rollups.openRules(part).chain(rules -> {
                    Map<UUID, Set<String>> rulesOf = new HashMap<>();
                    for (Object[] r : rules) {
                        rulesOf.computeIfAbsent((UUID) r[0], x -> new HashSet<>()).add((String) r[1]);
                    }
                    RollupChanges changes = new RollupChanges();
                    for (RollupRepository.RawIncident i : raw) {
                        changes.change(null, Contribution.of(i.declaredAt(), i.service(), i.priority(), i.drill(), i.included(),
                                rulesOf.getOrDefault(i.incidentId(), Set.of()), i.mtta(), i.mttr(), i.mtte()));
                    }
                    incidents[0] += raw.size();
                    months[0]++;
                    return rollups.add(changes.nonZero());
                })));
            }
            return all.map(x -> new Rebuilt(incidents[0], months[0]));
        });
    }
}
