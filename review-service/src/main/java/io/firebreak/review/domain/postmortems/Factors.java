package io.firebreak.review.domain.postmortems;

import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.review.domain.FactorTaxonomy;
import io.firebreak.platform.time.Quarter;
import io.firebreak.review.domain.Trends;
import io.firebreak.review.model.ContributingFactor;
import io.firebreak.review.persistence.ReviewRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Contributing factors of a post-mortem — a category and subcategory of {@link FactorTaxonomy}, a description and at
 * least one piece of evidence on the incident's timeline — and their trends across incidents by category, business
 * service and team, a quarter against the one before. Restricted incidents count in trends but are never itemised.
 */
@ApplicationScoped
public class Factors {

    public static final Set<String> DIMENSIONS = Set.of("category", "subcategory", "service", "team");

    private final ReviewRepository repository;
    private final Postmortems postmortems;
    private final Clock clock;

    public Factors(ReviewRepository repository, Postmortems postmortems, Clock clock) {
        this.repository = repository;
        this.postmortems = postmortems;
        this.clock = clock;
    }

    public record Input(String category, String subcategory, String description, List<String> evidence) {
    }

    @WithSession
    public Uni<List<ContributingFactor>> of(UUID incidentId) {
        return postmortems.of(incidentId).chain(l -> repository.factorsOf(l.postmortem().id));
    }

    @WithTransaction
    public Uni<ContributingFactor> add(UUID incidentId, Input in, Actor actor) {
        return postmortems.locked(incidentId).chain(l -> add(l, in, actor));
    }

    private Uni<ContributingFactor> add(Postmortems.Loaded found, Input in, Actor actor) {
        UUID incidentId = found.incident().incidentId;
        List<Violation> problems = new ArrayList<>();
        String taxonomy = FactorTaxonomy.refusal(in.category(), in.subcategory());
        if (taxonomy != null) {
            problems.add(new Violation(in.category() != null && FactorTaxonomy.CATEGORIES.containsKey(in.category()) ? "subcategory" : "category",
                    taxonomy));
        }
        FreeText.check(problems, "description", in.description(), true, 4000);
        if (in.evidence() == null || in.evidence().isEmpty()) {
            problems.add(new Violation("evidence", "link the factor to at least one timeline entry"));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return postmortems.requireWriter(found, actor).replaceWith(found).chain(l -> {
            if ("PUBLISHED".equals(l.postmortem().state)) {
                return Uni.createFrom().failure(ProblemException.conflict("The post-mortem of " + l.incident().incidentKey + " is published"));
            }
            return repository.timeline(incidentId).chain(entries -> {
                List<String> known = entries.stream().map(e -> e.id).toList();
                List<Violation> unknown = new ArrayList<>();
                for (int i = 0; i < in.evidence().size(); i++) {
                    if (!known.contains(in.evidence().get(i))) {
                        unknown.add(new Violation("evidence[" + i + "]", "is not an entry of " + l.incident().incidentKey + "'s timeline"));
                    }
                }
                if (!unknown.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.invalid(unknown));
                }
                return repository.service(l.incident().businessService).chain(service -> {
                    ContributingFactor f = new ContributingFactor();
                    f.id = UUID.randomUUID();
                    f.postmortemId = l.postmortem().id;
                    f.incidentId = incidentId;
                    f.category = in.category();
                    f.subcategory = in.subcategory();
                    f.description = in.description().strip();
                    f.evidence = List.copyOf(in.evidence());
                    f.service = l.incident().businessService;
                    f.team = service == null ? null : service.owningTeam;
                    f.addedBy = actor.user();
                    f.addedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return repository.persist(f);
                });
            });
        });
    }

    @WithTransaction
    public Uni<Void> remove(UUID incidentId, UUID factorId, Actor actor) {
        return postmortems.locked(incidentId).call(l -> postmortems.requireWriter(l, actor)).chain(l -> repository.factor(factorId).chain(f -> {
            if (f == null || !f.postmortemId.equals(l.postmortem().id)) {
                return Uni.createFrom().failure(ProblemException.notFound("Contributing factor", factorId));
            }
            if ("PUBLISHED".equals(l.postmortem().state)) {
                return Uni.createFrom().failure(ProblemException.conflict("The post-mortem of " + l.incident().incidentKey + " is published"));
            }
            return repository.remove(f);
        }));
    }

    public record TrendReport(String quarter, String previousQuarter, String by, List<Trends.Row> rows) {
    }

    /** Incidents (declared in the quarter, drills left out) with a factor, by {@code by}, against the previous quarter. */
    @WithSession
    public Uni<TrendReport> trends(Quarter quarter, String by) {
        Function<Trends.Factor, String> dimension = switch (by) {
            case "subcategory" -> f -> f.category() + "/" + f.subcategory();
            case "service" -> Trends.Factor::service;
            case "team" -> Trends.Factor::team;
            default -> Trends.Factor::category;
        };
        Quarter previous = quarter.previous();
        return repository.factorsOfIncidentsDeclared(quarter.start(), quarter.end()).chain(now ->
                repository.factorsOfIncidentsDeclared(previous.start(), previous.end()).map(before ->
                        new TrendReport(quarter.toString(), previous.toString(), by, Trends.compare(facts(now), facts(before), dimension))));
    }

    private static List<Trends.Factor> facts(List<ContributingFactor> factors) {
        return factors.stream().map(f -> new Trends.Factor(f.incidentId.toString(), f.category, f.subcategory, f.service, f.team)).toList();
    }
}
