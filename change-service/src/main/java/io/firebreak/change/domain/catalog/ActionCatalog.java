package io.firebreak.change.domain.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.change.model.ActionCatalogVersion;
import io.firebreak.change.model.ActionType;
import io.firebreak.change.persistence.ActionCatalogRepository;
import io.firebreak.events.ActionCatalogUpdated;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.audit.AuditLog;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The versioned pre-authorised action catalog. Only admins change it; each change is a new version, appended to the
 * {@value #AUDIT_CHAIN} audit chain and published, and a change records the version it was requested under.
 */
@ApplicationScoped
public class ActionCatalog {

    public static final String AUDIT_CHAIN = "action-catalog";

    private final ActionCatalogRepository repository;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ActionCatalog(ActionCatalogRepository repository, AuditLog audit, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The catalog in force (version 1 comes with the service). */
    @WithSession
    public Uni<ActionCatalogVersion> current() {
        return repository.current();
    }

    @WithSession
    public Uni<List<ActionCatalogVersion>> history() {
        return repository.history();
    }

    @WithSession
    public Uni<ActionCatalogVersion> version(int version) {
        return repository.version(version).onItem().ifNull().failWith(() -> ProblemException.notFound("Action catalog version", version));
    }

    /** Replaces the catalog by a new version; {@code expectedVersion} guards against replacing a version nobody read. */
    @WithTransaction
    public Uni<ActionCatalogVersion> replace(List<ActionType> actions, String note, Integer expectedVersion, Actor actor) {
        List<Violation> problems = new ArrayList<>(ActionRules.catalogProblems(actions));
        if (note == null || note.isBlank()) {
            problems.add(new Violation("note", "is required: why the catalog changes"));
        }
        FreeText.check(problems, "note", note, false, 2000);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return repository.current().chain(current -> {
            if (expectedVersion != null && expectedVersion != current.version) {
                return Uni.createFrom().failure(ProblemException.conflict("The catalog is at version " + current.version
                        + ", not " + expectedVersion + "; read it again before changing it"));
            }
            ActionCatalogVersion next = new ActionCatalogVersion();
            next.version = current.version + 1;
            next.changedBy = actor.user();
            next.changedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            next.note = note.strip();
            next.actions = actions.stream().map(a -> new ActionType(a.name(), a.description().strip(), List.copyOf(a.parameters()),
                    a.targets() == null ? List.of() : List.copyOf(a.targets()), a.icMayApprove())).toList();
            return repository.persist(next)
                    .call(v -> audit.append(AUDIT_CHAIN, mapper.valueToTree(Map.of("version", v.version, "previousVersion", current.version,
                            "changedBy", v.changedBy, "changedAt", v.changedAt.toString(), "note", v.note, "actions", v.actions))))
                    .call(v -> outbox.record(EventTypes.ACTION_CATALOG_UPDATED, AUDIT_CHAIN, new ActionCatalogUpdated(v.version,
                            v.actions.stream().map(ActionType::name).toList(), v.changedBy, v.changedAt, v.note)));
        });
    }
}
