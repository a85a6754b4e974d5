package io.firebreak.response.domain.bridge;

import io.firebreak.response.domain.reminders.Reminders;
import io.firebreak.events.BridgeUpdateOverdue;
import io.firebreak.events.BridgeUpdateRecorded;
import io.firebreak.events.EventTypes;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.FreeText;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.roles.IncidentRoles;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.bridge.Bridge;
import io.firebreak.response.model.bridge.BridgeDecision;
import io.firebreak.response.model.bridge.BridgeUpdate;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.bridge.BridgeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bridge protocol: the incident commander opens the bridge with a cadence (P1 30 min, P2 60 min by
 * default); each update records status, decisions (what, owner, deadline) and the next checkpoint, no
 * further than one cadence away. A checkpoint that passes without an update publishes
 * {@code bridge.update_overdue} naming the commander, and again every further cadence, until an update
 * comes or the incident is resolved.
 */
@ApplicationScoped
public class Bridges {

    public static final String CHECKPOINT = "response.bridge-checkpoint";
    static final int MAX_TEXT = 4_000;
    static final int MAX_DECISIONS = 50;

    private final Reminders reminders;
    private final BridgeRepository bridges;
    private final ResponseRecordRepository records;
    private final IncidentRoles roles;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final Clock clock;

    public Bridges(BridgeRepository bridges, ResponseRecordRepository records, IncidentRoles roles, Deadlines deadlines, Outbox outbox,
                   Clock clock, Reminders reminders) {
        this.reminders = reminders;
        this.bridges = bridges;
        this.records = records;
        this.roles = roles;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Settings(String url, String dialIn, Integer cadenceMinutes) {
    }

    public record UpdateDraft(String status, List<BridgeDecision> decisions, Instant nextCheckpointAt) {
    }

    public record State(Bridge bridge, List<BridgeUpdate> updates) {
    }

    @WithSession
    public Uni<State> of(UUID incidentId) {
        return records.findById(incidentId).chain(r -> r == null ? Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId))
                : bridges.findById(incidentId).chain(b -> b == null
                        ? Uni.createFrom().failure(ProblemException.notFound("Bridge of incident", incidentId))
                        : bridges.updates(incidentId).map(list -> new State(b, list))));
    }

    /** Opens the bridge, or changes its place and cadence; whoever directs the incident's roles. */
    @WithTransaction
    public Uni<Bridge> open(Actor actor, UUID incidentId, Settings settings) {
        List<Violation> v = new ArrayList<>();
        FreeText.check(v, "url", settings.url(), false, MAX_TEXT);
        FreeText.check(v, "dialIn", settings.dialIn(), false, MAX_TEXT);
        if (settings.url() != null && !settings.url().isBlank() && !settings.url().strip().matches("(?i)https?://\\S+")) {
            v.add(new Violation("url", "must be an http(s) link"));
        }
        BridgeCadence.checkCadence(settings.cadenceMinutes(), v);
        if (!v.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(v));
        }
        Instant now = now();
        return running(incidentId).chain(record -> roles.requireDirector(actor, record).chain(() -> bridges.findById(incidentId)).chain(existing -> {
            Bridge b = existing != null ? existing : new Bridge();
            int cadence = settings.cadenceMinutes() != null ? settings.cadenceMinutes()
                    : existing != null ? existing.cadenceMinutes : BridgeCadence.defaultMinutes(record.priority);
            b.url = FreeText.orNull(settings.url());
            b.dialIn = FreeText.orNull(settings.dialIn());
            b.cadenceMinutes = cadence;
            Instant promise = now.plus(Duration.ofMinutes(cadence));
            Uni<Bridge> saved;
            if (existing == null) {
                b.incidentId = incidentId;
                b.openedBy = actor.user();
                b.openedAt = now;
                b.nextCheckpointAt = promise;
                saved = bridges.persist(b);
            } else {
                if (b.nextCheckpointAt.isAfter(promise)) {
                    b.nextCheckpointAt = promise;
                }
                saved = Uni.createFrom().item(b);
            }
            return saved.call(s -> deadlines.schedule(CHECKPOINT, incidentId.toString(), s.nextCheckpointAt, null));
        }));
    }

    /** An update: by whoever directs the roles or the incident's scribe. Moves the next checkpoint and ends an overdue. */
    @WithTransaction
    public Uni<BridgeUpdate> update(Actor actor, UUID incidentId, UpdateDraft draft) {
        List<Violation> v = new ArrayList<>();
        FreeText.check(v, "status", draft.status(), true, MAX_TEXT);
        List<BridgeDecision> decisions = draft.decisions() == null ? List.of() : draft.decisions();
        if (decisions.size() > MAX_DECISIONS) {
            v.add(new Violation("decisions", "at most " + MAX_DECISIONS));
        } else {
            for (int i = 0; i < decisions.size(); i++) {
                BridgeDecision d = decisions.get(i);
                FreeText.check(v, "decisions[" + i + "].decision", d == null ? null : d.decision(), true, MAX_TEXT);
                FreeText.check(v, "decisions[" + i + "].owner", d == null ? null : d.owner(), true, MAX_TEXT);
            }
        }
        if (!v.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(v));
        }
        Instant now = now();
        return running(incidentId).chain(record -> bridges.findById(incidentId).chain(b -> {
            if (b == null) {
                return Uni.createFrom().failure(ProblemException.conflict("No bridge is open for " + record.incidentKey + "; open it first"));
            }
            return recorder(actor, record).chain(() -> {
                List<Violation> checkpoint = new ArrayList<>();
                Instant next = BridgeCadence.nextCheckpoint(now, b.cadenceMinutes, draft.nextCheckpointAt(), checkpoint);
                if (!checkpoint.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.invalid(checkpoint));
                }
                return bridges.updates(incidentId).chain(earlier -> {
                    BridgeUpdate u = new BridgeUpdate();
                    u.id = UUID.randomUUID();
                    u.incidentId = incidentId;
                    u.seq = earlier.size() + 1;
                    u.status = draft.status().strip();
                    u.decisions = decisions.stream().map(d -> new BridgeDecision(d.decision().strip(), d.owner().strip(),
                            d.deadline() == null ? null : d.deadline().truncatedTo(ChronoUnit.MICROS))).toList();
                    u.nextCheckpointAt = next.truncatedTo(ChronoUnit.MICROS);
                    u.recordedBy = actor.user();
                    u.recordedAt = now;
                    u.late = now.isAfter(b.nextCheckpointAt);
                    b.nextCheckpointAt = u.nextCheckpointAt;
                    b.overdueSince = null;
                    return bridges.persistUpdate(u)
                            .call(() -> deadlines.schedule(CHECKPOINT, incidentId.toString(), u.nextCheckpointAt, null))
                            .call(() -> outbox.record(EventTypes.BRIDGE_UPDATE_RECORDED, incidentId.toString(), new BridgeUpdateRecorded(
                                    incidentId, record.incidentKey, u.id, u.seq, u.status, u.decisions.stream()
                                    .map(d -> new BridgeUpdateRecorded.Decision(d.decision(), d.owner(), d.deadline())).toList(),
                                    u.nextCheckpointAt, u.recordedBy, u.recordedAt, u.late, record.drill)));
                });
            });
        }));
    }

    /**
     * The checkpoint deadline due at {@code dueAt} fired (inside its transaction): overdue unless an update
     * moved the checkpoint past it or the incident is over.
     */
    public Uni<Void> checkpointPassed(UUID incidentId, Instant dueAt) {
        Instant now = now();
        return records.locked(incidentId).chain(record -> record == null ? Uni.createFrom().voidItem() : bridges.findById(incidentId).chain(b -> {
            boolean over = record.status == ResponseStatus.RESOLVED || record.status == ResponseStatus.CLOSED;
            if (b == null || over || b.nextCheckpointAt.isAfter(dueAt)) {
                return Uni.createFrom().voidItem();
            }
            Instant missed = b.nextCheckpointAt;
            if (b.overdueSince == null) {
                b.overdueSince = missed;
            }
            // Nag again one cadence after the missed checkpoint; an update reschedules it.
            b.nextCheckpointAt = missed.plus(Duration.ofMinutes(b.cadenceMinutes));
            return roles.holders(incidentId, IncidentRoleKind.INCIDENT_COMMANDER)
                    .call(commanders -> outbox.record(EventTypes.BRIDGE_UPDATE_OVERDUE, incidentId.toString(), new BridgeUpdateOverdue(
                            incidentId, record.incidentKey, record.priority, missed, b.cadenceMinutes,
                            commanders.isEmpty() ? null : commanders.get(0), now, record.drill)))
                    .call(commanders -> reminders.remind(record, new Reminders.Reminder("bridge update overdue",
                            "the bridge update due at " + missed + " was not recorded; record one now (every " + b.cadenceMinutes + " min).",
                            "bridge/" + missed), commanders.isEmpty() ? List.of() : List.of(commanders.get(0))))
                    .call(() -> deadlines.schedule(CHECKPOINT, incidentId.toString(), b.nextCheckpointAt, null))
                    .replaceWithVoid();
        }));
    }

    private Uni<Void> recorder(Actor actor, ResponseRecord record) {
        return roles.holders(record.incidentId, IncidentRoleKind.SCRIBE).chain(scribes -> scribes.contains(actor.user())
                ? Uni.createFrom().voidItem() : roles.requireDirector(actor, record));
    }

    private Uni<ResponseRecord> running(UUID incidentId) {
        return records.locked(incidentId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Incident", incidentId));
            }
            if (r.status == ResponseStatus.RESOLVED || r.status == ResponseStatus.CLOSED) {
                return Uni.createFrom().failure(ProblemException.conflict(r.incidentKey + " is " + r.status + "; its bridge is over"));
            }
            return Uni.createFrom().item(r);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
