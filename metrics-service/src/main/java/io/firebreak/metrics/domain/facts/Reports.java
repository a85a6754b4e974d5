package io.firebreak.metrics.domain.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.metrics.domain.MonthlyReports;
import io.firebreak.metrics.model.CatalogService;
import io.firebreak.metrics.model.IncidentMetric;
import io.firebreak.metrics.persistence.MetricsRepository;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The monthly executive report from metrics' projections and the versioned industry reference kept in the repository
 * ({@code benchmarks/industry-benchmarks-v1.json}: each figure with its source and date).
 */
@ApplicationScoped
public class Reports {

    static final String BENCHMARKS = "benchmarks/industry-benchmarks-v1.json";

    private final MetricsRepository repository;
    private final List<MonthlyReports.Benchmark> benchmarks;
    private final String benchmarksVersion;

    public Reports(MetricsRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        try (InputStream in = Reports.class.getClassLoader().getResourceAsStream(BENCHMARKS)) {
            if (in == null) {
                throw new IllegalStateException(BENCHMARKS + " is missing");
            }
            JsonNode file = mapper.readTree(in);
            this.benchmarksVersion = file.path("version").asText() + " (" + file.path("compiled").asText() + ")";
            List<MonthlyReports.Benchmark> list = new ArrayList<>();
            for (JsonNode f : file.path("figures")) {
                list.add(new MonthlyReports.Benchmark(f.path("id").asText(), f.path("band").asText(),
                        f.path("upToSeconds").isNumber() ? f.path("upToSeconds").asLong() : null, f.path("label").asText(), f.path("source").asText(),
                        f.path("sourceDate").asText(), f.path("caveat").asText(null)));
            }
            this.benchmarks = List.copyOf(list);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BENCHMARKS, e);
        }
    }

    public static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(List.of(new Violation("month", "is required and must look like 2026-11")));
        }
    }

    @WithSession
    public Uni<MonthlyReports.Report> monthly(YearMonth month) {
        return repository.declaredBetween(MonthlyReports.windowStart(month), MonthlyReports.end(month)).chain(rows -> repository.services().map(services -> {
            Map<String, CatalogService> catalog = services.stream().collect(Collectors.toMap(s -> s.name, s -> s));
            List<MonthlyReports.Row> real = rows.stream().filter(m -> !m.drill && m.declaredAt != null).map((IncidentMetric m) -> new MonthlyReports.Row(
                    m.incidentKey, m.declaredAt, m.priority, m.businessService,
                    catalog.containsKey(m.businessService) ? catalog.get(m.businessService).owningTeam : null, m.included, m.mttaSeconds,
                    m.mttrSeconds, m.mtteSeconds)).toList();
            return MonthlyReports.compute(month, real, service -> {
                CatalogService s = catalog.get(service);
                if (s == null || s.sla == null) {
                    return Map.of();
                }
                return s.sla.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new MonthlyReports.Sla(e.getValue().acknowledgeMinutes(), e.getValue().resolveMinutes())));
            }, benchmarks, benchmarksVersion);
        }));
    }
}
