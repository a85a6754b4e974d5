package io.firebreak.change.domain.freeze;

import io.firebreak.change.domain.Freezes;
import io.firebreak.change.model.FreezeExceptionGrant;
import io.firebreak.change.model.FreezeWindow;
import io.firebreak.change.persistence.ChangeRepository;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Code-freeze windows, and the question every implementation asks: which freezes cover this service now, and are they excepted? */
@ApplicationScoped
public class FreezeCalendar {

    private final ChangeRepository repository;
    private final Clock clock;

    public FreezeCalendar(ChangeRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record WindowInput(String name, Instant startsAt, Instant endsAt, List<String> services, String reason) {
    }

    @WithTransaction
    public Uni<FreezeWindow> create(WindowInput in, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        FreeText.check(problems, "name", in.name(), true, 200);
        FreeText.check(problems, "reason", in.reason(), true, 2000);
        if (in.startsAt() == null) {
            problems.add(new Violation("startsAt", "is required"));
        }
        if (in.endsAt() == null) {
            problems.add(new Violation("endsAt", "is required"));
        } else if (in.startsAt() != null && !in.endsAt().isAfter(in.startsAt())) {
            problems.add(new Violation("endsAt", "must be after startsAt"));
        }
        if (in.services() != null && in.services().stream().anyMatch(s -> s == null || s.isBlank())) {
            problems.add(new Violation("services", "must name business services (or be empty to freeze all)"));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        FreezeWindow w = new FreezeWindow();
        w.id = UUID.randomUUID();
        w.name = in.name().strip();
        w.startsAt = in.startsAt().truncatedTo(ChronoUnit.MICROS);
        w.endsAt = in.endsAt().truncatedTo(ChronoUnit.MICROS);
        w.services = in.services() == null ? List.of() : in.services().stream().map(String::strip).distinct().toList();
        w.reason = in.reason().strip();
        w.createdBy = actor.user();
        w.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return repository.persist(w);
    }

    @WithSession
    public Uni<List<FreezeWindow>> windows() {
        return repository.windows();
    }

    @WithTransaction
    public Uni<Void> remove(UUID id) {
        return repository.window(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Freeze window", id))
                .chain(repository::remove);
    }

    static Freezes.Window window(FreezeWindow w) {
        return new Freezes.Window(w.name, w.startsAt, w.endsAt, w.services);
    }

    /** The windows freezing {@code service} at {@code at}; in the caller's session. */
    public Uni<List<FreezeWindow>> covering(String service, Instant at) {
        return repository.windowsEndingAfter(at).map(all -> all.stream().filter(w -> window(w).covers(service, at)).toList());
    }

    /** The windows that freeze {@code service} at some time in [from, until); in the caller's session. */
    public Uni<List<FreezeWindow>> overlapping(String service, Instant from, Instant until) {
        return repository.windowsEndingAfter(from).map(all -> all.stream()
                .filter(w -> w.startsAt.isBefore(until) && (w.services.isEmpty() || w.services.contains(service))).toList());
    }

    /**
     * Why implementing now is refused (null when it is not): every window freezing the target now must be named by an
     * exception of the change that has not expired.
     */
    public static String refusal(List<FreezeWindow> covering, List<FreezeExceptionGrant> exceptions, Instant at) {
        List<String> open = new ArrayList<>();
        String expired = null;
        for (FreezeWindow w : covering) {
            boolean excepted = false;
            for (FreezeExceptionGrant e : exceptions) {
                if (e.windows.contains(w.name)) {
                    if (Freezes.exceptionValid(e.grantedAt, e.expiresAt, at)) {
                        excepted = true;
                    } else {
                        expired = "the freeze exception for " + w.name + " expired at " + e.expiresAt;
                    }
                }
            }
            if (!excepted) {
                open.add(w.name + " (until " + w.endsAt + ")");
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        return "The target is frozen by " + String.join(", ", open) + " and the change holds no valid freeze exception"
                + (expired == null ? "" : " (" + expired + ")") + "; a change approver grants one with the rollback plan";
    }
}
