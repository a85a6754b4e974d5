package io.firebreak.metrics.domain.facts;

import io.firebreak.metrics.domain.Stats;
import io.firebreak.metrics.model.CatalogService;
import io.firebreak.metrics.model.Finding;
import io.firebreak.metrics.model.IncidentMetric;
import io.firebreak.metrics.model.Team;
import io.firebreak.metrics.model.rollup.PeriodCover;
import io.firebreak.metrics.model.rollup.RollupKey;
import io.firebreak.metrics.persistence.MetricsRepository;
import io.firebreak.metrics.persistence.RollupRepository;
import io.firebreak.platform.access.IncidentAccess;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What metrics answers: MTTA, MTTR and MTTE of the incidents declared in a period, by business service, owning team
 * or priority, from validated data only — every answer says how many incidents it counted, how many it left out and
 * by which rule; drills are not counted at all. Restricted incidents count in aggregates and are never itemised to
 * people outside their war room.
 */
@ApplicationScoped
public class MetricsQueries {

    public static final Set<String> GROUPINGS = Set.of("service", "team", "priority", "none");

    private final MetricsRepository repository;
    private final RollupRepository rollups;
    private final IncidentAccess access;
    private final RecurrenceTriggers recurrence;
    private final io.firebreak.metrics.config.MetricsConfig config;
    private final java.time.Clock clock;

    public MetricsQueries(MetricsRepository repository, RollupRepository rollups, IncidentAccess access, RecurrenceTriggers recurrence,
                          io.firebreak.metrics.config.MetricsConfig config, java.time.Clock clock) {
        this.repository = repository;
        this.rollups = rollups;
        this.access = access;
        this.recurrence = recurrence;
        this.config = config;
        this.clock = clock;
    }

    public record RecurringGroup(String basis, String value, int incidents, boolean breached, List<String> incidentKeys, int hidden) {
    }

    public record RecurrenceView(String service, int windowDays, int threshold, Instant at, double rate, List<RecurringGroup> groups) {
    }

    /** A service's recurring causes in the window ending now, its recurrence rate; restricted incidents counted, not named. */
    @WithSession
    public Uni<RecurrenceView> recurrence(String service, Actor actor) {
        if (service == null || service.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("service", "is required"))));
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return recurrence.occurrences(service, now).chain(all -> {
            List<io.firebreak.metrics.domain.Recurrence.Group> groups = io.firebreak.metrics.domain.Recurrence.groups(all, now,
                    config.recurrenceWindow());
            double rate = io.firebreak.metrics.domain.Recurrence.rates(all, now, config.recurrenceWindow()).getOrDefault(service, 0.0);
            Uni<List<RecurringGroup>> views = Uni.createFrom().item(new ArrayList<>());
            for (io.firebreak.metrics.domain.Recurrence.Group g : groups) {
                views = views.chain(list -> visibleKeys(g.incidents(), actor).map(keys -> {
                    list.add(new RecurringGroup(g.basis(), g.value(), g.incidents().size(), g.incidents().size() >= config.recurrenceThreshold(),
                            keys, g.incidents().size() - keys.size()));
                    return list;
                }));
            }
            return views.map(list -> new RecurrenceView(service, (int) config.recurrenceWindow().toDays(), config.recurrenceThreshold(), now,
                    Math.round(rate * 1000) / 1000.0, list));
        });
    }

    private Uni<List<String>> visibleKeys(List<io.firebreak.metrics.domain.Recurrence.Occurrence> incidents, Actor actor) {
        if (IncidentAccess.seesEverything(actor)) {
            return Uni.createFrom().item(incidents.stream().map(io.firebreak.metrics.domain.Recurrence.Occurrence::key).toList());
        }
        Uni<List<String>> keys = Uni.createFrom().item(new ArrayList<>());
        for (io.firebreak.metrics.domain.Recurrence.Occurrence o : incidents) {
            keys = keys.chain(list -> access.sight(o.incidentId(), actor.user()).map(sight -> {
                if (!sight.restricted() || sight.member()) {
                    list.add(o.key());
                }
                return list;
            }));
        }
        return keys;
    }

    public record Group(String key, long incidents, Stats mtta, Stats mttr, Stats mtte) {
    }

    public record Summary(Instant from, Instant until, String groupBy, long counted, long excluded, Map<String, Long> excludedByRule,
                          long drillsIgnored, List<Group> groups) {
    }

    private static void period(Instant from, Instant until) {
        if (from == null || until == null || !from.isBefore(until)) {
            throw ProblemException.invalid(List.of(new Violation("from", "from and until are required, from before until")));
        }
        if (Duration.between(from, until).compareTo(Duration.ofDays(3660)) > 0) {
            throw ProblemException.invalid(List.of(new Violation("until", "a period is at most ten years")));
        }
    }

    /**
     * The summary of a period, from the rollups of the day blocks inside it (of the grouping's dimension: services for
     * service and team, priorities, or all) and the raw incidents of its partial days at the edges ({@link PeriodCover}):
     * the same answer as folding every incident of the period, read from a bounded number of rows. Teams are the
     * catalog's owning teams of the services now.
     */
    @WithSession
    public Uni<Summary> summary(Instant from, Instant until, String groupBy) {
        period(from, until);
        String grouping = groupBy == null ? "none" : groupBy;
        if (!GROUPINGS.contains(grouping)) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("groupBy", "must be one of " + new TreeMap<>(
                    GROUPINGS.stream().collect(Collectors.toMap(g -> g, g -> g))).keySet()))));
        }
        PeriodCover cover = PeriodCover.of(from, until);
        String dimension = switch (grouping) {
            case "service", "team" -> RollupKey.SERVICE;
            case "priority" -> RollupKey.PRIORITY;
            default -> RollupKey.ALL;
        };
        return rollups.rows(dimension, cover).chain(rows -> rollups.raw(cover.raw()).chain(raw -> rollups.openRules(cover.raw()).chain(rules ->
                repository.services().map(services -> {
                    Map<String, String> teamOf = services.stream().collect(Collectors.toMap((CatalogService s) -> s.name, s -> s.owningTeam));
                    // k: [service, priority] of a raw incident; a rollup row has only its dimension's value.
                    Function<String[], String> key = switch (grouping) {
                        case "service" -> k -> k[0].isEmpty() ? "(unknown service)" : k[0];
                        case "team" -> k -> teamOf.getOrDefault(k[0], "(unknown team)");
                        case "priority" -> k -> k[1].isEmpty() ? "(unknown priority)" : k[1];
                        default -> k -> "all";
                    };
                    SummaryAccumulator acc = new SummaryAccumulator();
                    for (RollupRepository.Row r : rows) {
                        acc.row(key.apply(new String[] {r.value(), r.value()}), r);
                    }
                    Map<UUID, List<String>> rulesOf = new java.util.HashMap<>();
                    for (Object[] r : rules) {
                        rulesOf.computeIfAbsent((UUID) r[0], x -> new ArrayList<>()).add((String) r[1]);
                    }
                    for (RollupRepository.RawIncident i : raw) {
                        acc.incident(key.apply(new String[] {i.service() == null ? "" : i.service(), i.priority() == null ? "" : i.priority()}), i,
                                rulesOf.getOrDefault(i.incidentId(), List.of()));
                    }
                    return acc.summary(from, until, grouping);
                }))));
    }

    public record TeamLatency(String teamId, String team, Stats latency) {
    }

    /** Per team reached: the time escalation hops of counted incidents spent at the previous level. */
    @WithSession
    public Uni<List<TeamLatency>> escalations(Instant from, Instant until) {
        period(from, until);
        return repository.hopsOfIncluded(from, until).chain(hops -> repository.teams().map(teams -> {
            Map<String, String> names = teams.stream().collect(Collectors.toMap((Team t) -> t.teamId, t -> t.name));
            Map<String, List<Duration>> byTeam = new TreeMap<>();
            for (Object[] h : hops) {
                String team = h[0] == null ? "(no team)" : (String) h[0];
                byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(Duration.ofSeconds(((Number) h[1]).longValue()));
            }
            List<TeamLatency> out = new ArrayList<>();
            byTeam.forEach((team, list) -> out.add(new TeamLatency(team, names.getOrDefault(team, team), Stats.of(list))));
            return out;
        }));
    }

    public record IncidentFigures(UUID incidentId, String incidentKey, String businessService, String priority, String initialPriority,
                                  boolean drill, boolean counted, Instant declaredAt, Instant resolvedAt, Long mttaSeconds, Long mttrSeconds,
                                  Long mtteSeconds, Double revenueImpact, Long customersAffected, List<Finding> findings) {
    }

    /** One incident's figures and findings (visibility checked by the resource's incident scope). */
    @WithSession
    public Uni<IncidentFigures> incident(UUID id) {
        return repository.incident(id).chain(m -> {
            if (m == null || m.declaredAt == null && m.incidentKey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", id));
            }
            return repository.findingsOf(id).map(f -> new IncidentFigures(m.incidentId, m.incidentKey, m.businessService, m.priority,
                    m.initialPriority, m.drill, m.included, m.declaredAt, m.resolvedAt, m.mttaSeconds, m.mttrSeconds, m.mtteSeconds, m.revenueImpact,
                    m.customersAffected, f));
        });
    }

    public record FindingsPage(List<Finding> findings, int hidden) {
    }

    /** Open findings of the period; those of restricted incidents the caller is not in are counted, not shown. */
    @WithSession
    public Uni<FindingsPage> findings(Instant from, Instant until, Actor actor) {
        period(from, until);
        return repository.openFindings(from, until).chain(all -> {
            if (IncidentAccess.seesEverything(actor)) {
                return Uni.createFrom().item(new FindingsPage(all, 0));
            }
            Uni<List<Finding>> visible = Uni.createFrom().item(new ArrayList<>());
            for (Finding f : all) {
                visible = visible.chain(list -> access.sight(f.incidentId, actor.user()).map(s -> {
                    if (!s.restricted() || s.member()) {
                        list.add(f);
                    }
                    return list;
                }));
            }
            return visible.map(list -> new FindingsPage(list, all.size() - list.size()));
        });
    }
}
