package io.firebreak.metrics.domain.facts;

import io.firebreak.events.ServiceChanged;
import io.firebreak.metrics.domain.BusinessImpact;
import io.firebreak.metrics.domain.QuarterlyKpis;
import io.firebreak.metrics.model.CatalogService;
import io.firebreak.metrics.persistence.MetricsRepository;
import io.firebreak.metrics.persistence.OutcomeRepository;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.time.Quarter;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The quarterly KPI report from metrics' incidents, the catalog's SLAs and the imported business outcomes. */
@ApplicationScoped
public class KpiReports {

    private final MetricsRepository repository;
    private final OutcomeRepository outcomes;

    public KpiReports(MetricsRepository repository, OutcomeRepository outcomes) {
        this.repository = repository;
        this.outcomes = outcomes;
    }

    private static Long number(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    @WithSession
    public Uni<QuarterlyKpis.Report> quarterly(Quarter quarter) {
        Instant from = QuarterlyKpis.readsFrom(quarter).atStartOfDay(ZoneOffset.UTC).toInstant();
        return repository.kpiRows(from, quarter.end()).chain(raw -> repository.services().chain(services -> outcomes.all(null).map(stored -> {
            Map<String, Map<String, ServiceChanged.Sla>> sla = services.stream().filter(s -> s.sla != null)
                    .collect(Collectors.toMap((CatalogService s) -> s.name, s -> s.sla));
            List<QuarterlyKpis.Row> rows = new ArrayList<>(raw.size());
            for (Object[] r : raw) {
                Instant declared = r[0] instanceof OffsetDateTime o ? o.toInstant() : (Instant) r[0];
                String priority = (String) r[1];
                ServiceChanged.Sla target = sla.getOrDefault((String) r[2], Map.of()).get(priority);
                Long mtta = number(r[4]);
                Long mttr = number(r[5]);
                rows.add(new QuarterlyKpis.Row(declared, priority, (Boolean) r[3], mtta, mttr, r[6] == null ? null : ((Number) r[6]).doubleValue(),
                        number(r[7]), target == null ? null : BusinessImpact.slaBreachSeconds(mtta, mttr, target.acknowledgeMinutes(),
                        target.resolveMinutes())));
            }
            List<QuarterlyKpis.Outcome> figures = stored.stream().map(o -> new QuarterlyKpis.Outcome(o.metric(), o.period(), o.value(), o.unit(),
                    o.source())).toList();
            return QuarterlyKpis.compute(quarter, rows, figures);
        })));
    }
}
