package io.firebreak.metrics.domain.facts;

import io.firebreak.events.BusinessOutcomeRecorded;
import io.firebreak.events.EventTypes;
import io.firebreak.metrics.model.BusinessOutcome;
import io.firebreak.metrics.persistence.OutcomeRepository;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Outcome figures business systems send (customer retention, churn, NPS, revenue…) for a month or a quarter: one
 * value per metric and period, replaced by a later import (the change is published with the previous value), the
 * same import again changes nothing.
 */
@ApplicationScoped
public class Outcomes {

    static final Pattern METRIC = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2]|Q[1-4])");

    /** What a business system sends. */
    public record Input(BigDecimal value, String unit, String source) {
    }

    /** The stored figure and whether this import created it. */
    public record Recorded(BusinessOutcome outcome, boolean created, boolean changed) {
    }

    private final OutcomeRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public Outcomes(OutcomeRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    static List<Violation> check(String metric, String period, Input in) {
        List<Violation> v = new ArrayList<>();
        if (metric == null || !METRIC.matcher(metric).matches()) {
            v.add(new Violation("metric", "must be lower-case letters, digits, '_', '.' or '-', at most 64 (e.g. customer_retention_rate)"));
        }
        if (period == null || !PERIOD.matcher(period).matches()) {
            v.add(new Violation("period", "must be a month (2026-09) or a quarter (2026-Q3)"));
        }
        if (in == null || in.value() == null) {
            v.add(new Violation("value", "is required"));
        } else if (in.value().abs().compareTo(new BigDecimal("1e15")) >= 0 || in.value().scale() > 6) {
            v.add(new Violation("value", "must be below 10^15 with at most 6 decimals"));
        }
        if (in == null || in.source() == null || in.source().isBlank() || in.source().length() > 200) {
            v.add(new Violation("source", "is required: the business system it comes from (at most 200 characters)"));
        }
        if (in != null && in.unit() != null && in.unit().length() > 32) {
            v.add(new Violation("unit", "is at most 32 characters"));
        }
        return v;
    }

    @WithTransaction
    public Uni<Recorded> record(String metric, String period, Input in, Actor actor) {
        List<Violation> problems = check(metric, period, in);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        String unit = in.unit() == null || in.unit().isBlank() ? null : in.unit().strip();
        String source = in.source().strip();
        return repository.locked(metric, period).chain(existing -> {
            if (existing != null && existing.value().compareTo(in.value()) == 0 && Objects.equals(existing.unit(), unit)
                    && existing.source().equals(source)) {
                return Uni.createFrom().item(new Recorded(existing, false, false));
            }
            BusinessOutcome stored = new BusinessOutcome(metric, period, in.value(), unit, source, actor.user(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            return repository.upsert(stored).chain(() -> outbox.record(EventTypes.BUSINESS_OUTCOME_RECORDED, metric, new BusinessOutcomeRecorded(metric,
                            period, in.value(), existing == null ? null : existing.value(), unit, source, actor.user(), stored.recordedAt())))
                    .replaceWith(new Recorded(stored, existing == null, true));
        });
    }

    @WithSession
    public Uni<List<BusinessOutcome>> list(String metric) {
        if (metric != null && !METRIC.matcher(metric).matches()) {
            return Uni.createFrom().failure(ProblemException.invalid(List.of(new Violation("metric", "is not a metric name"))));
        }
        return repository.all(metric);
    }
}
