package io.firebreak.review.domain.timeline;

import io.firebreak.events.EventTypes;
import io.firebreak.events.TimelineFlagRaised;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.review.config.ReviewConfig;
import io.firebreak.review.model.FlagResolution;
import io.firebreak.review.model.Incident;
import io.firebreak.review.model.Postmortem;
import io.firebreak.review.model.TimelineEntry;
import io.firebreak.review.persistence.ReviewRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An incident's timeline: recorded entries from every service's events, plus imported log excerpts and participants'
 * recollections; validated by {@link TimelineRules}, each flag open until resolved (accepted with a note, or corrected).
 */
@ApplicationScoped
public class Timelines {

    static final Set<String> RESOLUTIONS = Set.of("ACCEPTED", "CORRECTED");

    private final ReviewRepository repository;
    private final Outbox outbox;
    private final ReviewConfig config;
    private final Clock clock;

    public Timelines(ReviewRepository repository, Outbox outbox, ReviewConfig config, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A validation flag with its resolution (null while open). */
    public record CheckedFlag(TimelineRules.Flag flag, FlagResolution resolution) {

        public boolean open() {
            return resolution == null;
        }
    }

    public record Validated(Incident incident, List<TimelineEntry> entries, List<CheckedFlag> flags) {

        public List<CheckedFlag> open() {
            return flags.stream().filter(CheckedFlag::open).toList();
        }
    }

    static TimelineRules.Entry rule(TimelineEntry e) {
        return new TimelineRules.Entry(e.id, e.at, TimelineRules.Kind.valueOf(e.kind), TimelineRules.Origin.valueOf(e.origin), e.source, e.subject);
    }

    /** The timeline with its flags, in the caller's session. */
    public Uni<Validated> validate(Incident incident) {
        return repository.timeline(incident.incidentId).chain(entries -> repository.resolutions(incident.incidentId).map(resolutions -> {
            Map<String, FlagResolution> byKey = resolutions.stream().collect(Collectors.toMap(r -> r.flagKey, Function.identity()));
            List<TimelineRules.Flag> flags = TimelineRules.validate(entries.stream().map(Timelines::rule).toList(),
                    new TimelineRules.Settings(config.timelineTolerance(), TimelineRules.Settings.cadence(incident.priority)));
            return new Validated(incident, entries, flags.stream().map(f -> new CheckedFlag(f, byKey.get(f.key()))).toList());
        }));
    }

    @WithSession
    public Uni<Validated> of(UUID incidentId) {
        return incident(incidentId).chain(this::validate);
    }

    private Uni<Incident> incident(UUID incidentId) {
        return repository.incident(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId));
    }

    /** Publishes {@code timeline.flag_raised} for every open flag not published before; in the caller's transaction. */
    public Uni<Validated> raise(Validated v, Postmortem postmortem) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CheckedFlag f : v.open()) {
            all = all.call(() -> repository.raised(v.incident().incidentId, f.flag().key(), now).chain(isNew -> !isNew ? Uni.createFrom().voidItem()
                    : outbox.record(EventTypes.TIMELINE_FLAG_RAISED, v.incident().incidentId.toString(), new TimelineFlagRaised(
                    v.incident().incidentId, v.incident().incidentKey, postmortem.id, f.flag().key(), f.flag().rule(), f.flag().message(),
                    f.flag().entries(), now, v.incident().drill)).replaceWithVoid()));
        }
        return all.replaceWith(v);
    }

    public record Addition(String kind, Instant at, String title, String source, String subject) {
    }

    /**
     * Adds an imported log excerpt (origin LOG, with the log's name as source) or a recollection (origin RECOLLECTION,
     * the author as source) and answers the re-validated timeline, publishing new flags.
     */
    @WithTransaction
    public Uni<Validated> add(UUID incidentId, String origin, Addition in, Actor actor, Postmortem postmortem) {
        List<Violation> problems = new ArrayList<>();
        TimelineRules.Kind kind = null;
        try {
            kind = in.kind() == null ? TimelineRules.Kind.NOTE : TimelineRules.Kind.valueOf(in.kind());
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("kind", "must be one of " + java.util.Arrays.toString(TimelineRules.Kind.values())));
        }
        if (in.at() == null) {
            problems.add(new Violation("at", "is required: when it happened (ISO-8601 instant)"));
        }
        FreeText.check(problems, "title", in.title(), true, 2000);
        if ("LOG".equals(origin)) {
            FreeText.check(problems, "source", in.source(), true, 200);
        }
        FreeText.check(problems, "subject", in.subject(), false, 200);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        TimelineEntry e = new TimelineEntry();
        e.id = origin.toLowerCase() + ":" + UUID.randomUUID();
        e.incidentId = incidentId;
        e.at = in.at().truncatedTo(ChronoUnit.MICROS);
        e.kind = kind.name();
        e.origin = origin;
        e.source = "LOG".equals(origin) ? in.source().strip() : actor.user();
        e.subject = FreeText.orNull(in.subject());
        e.title = in.title().strip();
        e.addedBy = actor.user();
        e.addedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return incident(incidentId).chain(i -> repository.persist(e).chain(() -> validate(i)).chain(v -> raise(v, postmortem)));
    }

    /** Resolves an open flag: ACCEPTED with a note, or CORRECTED (the note says what was corrected). */
    @WithTransaction
    public Uni<Validated> resolve(UUID incidentId, String flagKey, String resolution, String note, Actor actor) {
        return incident(incidentId).chain(i -> resolve(i, flagKey, resolution, note, actor));
    }

    private Uni<Validated> resolve(Incident incident, String flagKey, String resolution, String note, Actor actor) {
        UUID incidentId = incident.incidentId;
        List<Violation> problems = new ArrayList<>();
        if (resolution == null || !RESOLUTIONS.contains(resolution)) {
            problems.add(new Violation("resolution", "is required: ACCEPTED or CORRECTED"));
        }
        FreeText.check(problems, "note", note, true, 4000);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return validate(incident).chain(v -> {
            CheckedFlag flag = v.flags().stream().filter(f -> f.flag().key().equals(flagKey)).findFirst().orElse(null);
            if (flag == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Timeline flag", flagKey));
            }
            if (!flag.open()) {
                return Uni.createFrom().failure(ProblemException.conflict("Flag " + flagKey + " was resolved already by " + flag.resolution().resolvedBy));
            }
            FlagResolution r = new FlagResolution();
            r.incidentId = incidentId;
            r.flagKey = flagKey;
            r.resolution = resolution;
            r.note = note.strip();
            r.resolvedBy = actor.user();
            r.resolvedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return repository.persist(r).chain(() -> validate(v.incident()));
        });
    }
}
