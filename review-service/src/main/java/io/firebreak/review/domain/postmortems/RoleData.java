package io.firebreak.review.domain.postmortems;

import io.firebreak.events.BridgeUpdateRecorded;
import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleHandedOver;
import io.firebreak.events.RoleReleased;
import io.firebreak.platform.time.Quarter;
import io.firebreak.review.domain.Trends;
import io.firebreak.review.model.BridgeDecision;
import io.firebreak.review.model.Incident;
import io.firebreak.review.model.RoleHandover;
import io.firebreak.review.model.RoleTenure;
import io.firebreak.review.persistence.ReviewRepository;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Role data of incidents (seed 2.6): who held each role when and how long from page to acceptance, the handovers and
 * their brief versions, and the decisions taken on the bridge with their latency from declaration; aggregated across
 * incidents into recurring bottlenecks. Kept from response's events in the consumer's transaction (idempotent).
 */
@ApplicationScoped
public class RoleData {

    private final ReviewRepository repository;

    public RoleData(ReviewRepository repository) {
        this.repository = repository;
    }

    public Uni<Void> assigned(RoleAssigned a) {
        return repository.tenure(a.assignmentId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            RoleTenure t = new RoleTenure();
            t.assignmentId = a.assignmentId();
            t.incidentId = a.incidentId();
            t.role = a.role();
            t.person = a.person();
            t.source = a.source();
            t.pagedAt = a.pagedAt();
            t.acceptedAt = a.acceptedAt();
            return repository.persist(t).replaceWithVoid();
        });
    }

    public Uni<Void> released(RoleReleased r) {
        return repository.tenure(r.assignmentId()).invoke(t -> {
            if (t != null) {
                t.releasedAt = r.releasedAt();
            }
        }).replaceWithVoid();
    }

    public Uni<Void> handedOver(RoleHandedOver h) {
        return repository.handover(h.handoverId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            RoleHandover x = new RoleHandover();
            x.handoverId = h.handoverId();
            x.incidentId = h.incidentId();
            x.role = h.role();
            x.fromPerson = h.fromPerson();
            x.toPerson = h.toPerson();
            x.briefVersion = h.briefVersion();
            x.offeredAt = h.offeredAt();
            x.acknowledgedAt = h.acknowledgedAt();
            return repository.persist(x).replaceWithVoid();
        });
    }

    public Uni<Void> bridgeUpdate(BridgeUpdateRecorded u) {
        if (u.decisions() == null || u.decisions().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.decisionsOf(u.updateId()).chain(known -> {
            if (known > 0) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> all = Uni.createFrom().voidItem();
            for (int i = 0; i < u.decisions().size(); i++) {
                BridgeUpdateRecorded.Decision d = u.decisions().get(i);
                BridgeDecision b = new BridgeDecision();
                b.updateId = u.updateId();
                b.position = i;
                b.incidentId = u.incidentId();
                b.decision = d.decision();
                b.owner = d.owner();
                b.deadline = d.deadline();
                b.recordedBy = u.recordedBy();
                b.recordedAt = u.recordedAt();
                b.late = u.late();
                all = all.call(() -> repository.persist(b));
            }
            return all;
        });
    }

    public record Tenure(String role, String person, String source, Instant from, Instant until, Instant pagedAt, Long pageToAcceptanceSeconds) {
    }

    public record Handover(String role, String fromPerson, String toPerson, int briefVersion, Instant offeredAt, Instant acknowledgedAt,
                           long secondsToAcknowledge) {
    }

    /** A bridge decision; {@code sinceDeclarationSeconds} is its latency from the incident's declaration. */
    public record Decision(String decision, String owner, Instant deadline, String recordedBy, Instant recordedAt, long sinceDeclarationSeconds,
                           boolean late) {
    }

    public record View(List<Tenure> tenures, List<Handover> handovers, List<Decision> decisions) {
    }

    @WithSession
    public Uni<View> of(UUID incidentId) {
        return repository.incident(incidentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Incident", incidentId))
                .chain(i -> repository.tenures(incidentId).chain(tenures -> repository.handovers(incidentId).chain(handovers ->
                        repository.decisions(incidentId).map(decisions -> view(i, tenures, handovers, decisions)))));
    }

    static View view(Incident i, List<RoleTenure> tenures, List<RoleHandover> handovers, List<BridgeDecision> decisions) {
        return new View(
                tenures.stream().map(t -> new Tenure(t.role, t.person, t.source, t.acceptedAt, t.releasedAt, t.pagedAt,
                        t.pagedAt == null ? null : Duration.between(t.pagedAt, t.acceptedAt).toSeconds())).toList(),
                handovers.stream().map(h -> new Handover(h.role, h.fromPerson, h.toPerson, h.briefVersion, h.offeredAt, h.acknowledgedAt,
                        Duration.between(h.offeredAt, h.acknowledgedAt).toSeconds())).toList(),
                decisions.stream().map(d -> new Decision(d.decision, d.owner, d.deadline, d.recordedBy, d.recordedAt,
                        Duration.between(i.declaredAt, d.recordedAt).toSeconds(), d.late)).toList());
    }

    public record BottleneckReport(String quarter, long thresholdMinutes, double minimumShare, List<Trends.Bottleneck> bottlenecks,
                                   List<String> sentences) {
    }

    /** Roles accepted after more than {@code threshold} from their page in at least {@code minimumShare} of a quarter's P1s/P2s. */
    @WithSession
    public Uni<BottleneckReport> bottlenecks(Quarter quarter, Duration threshold, double minimumShare) {
        return repository.acceptances(quarter.start(), quarter.end()).map(rows -> {
            List<Trends.RoleAcceptance> acceptances = new ArrayList<>();
            for (Object[] r : rows) {
                acceptances.add(new Trends.RoleAcceptance(r[0].toString(), (String) r[1], (String) r[2],
                        Duration.between((Instant) r[3], (Instant) r[4])));
            }
            List<Trends.Bottleneck> found = Trends.bottlenecks(acceptances, threshold, minimumShare);
            return new BottleneckReport(quarter.toString(), threshold.toMinutes(), minimumShare, found,
                    found.stream().map(b -> b.sentence("in " + quarter)).toList());
        });
    }
}
