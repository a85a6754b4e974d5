package io.firebreak.response.domain.drill;

import io.firebreak.events.DrillDefined;
import io.firebreak.events.EventTypes;
import io.firebreak.events.ReadinessRecorded;
import io.firebreak.platform.access.MemberKind;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.domain.roles.RoleDirection;
import io.firebreak.response.domain.warroom.WarRooms;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.drill.Drill;
import io.firebreak.response.model.drill.DrillParticipant;
import io.firebreak.response.model.drill.ReadinessRecord;
import io.firebreak.response.model.paging.Page;
import io.firebreak.response.model.roles.Handover;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.model.runbook.ChecklistItem;
import io.firebreak.response.persistence.ResponseRecordRepository;
import io.firebreak.response.persistence.drill.DrillRepository;
import io.firebreak.response.persistence.paging.PageRepository;
import io.firebreak.response.persistence.roles.HandoverRepository;
import io.firebreak.response.persistence.roles.IncidentRoleRepository;
import io.firebreak.response.persistence.runbook.RunbookRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drills: a drill incident (declared with the drill flag, paged and run like any other, counted in no real
 * metric) gets a scenario and the people it exercises; when it is resolved, every person who was proposed
 * a role or named as a participant gets a readiness record per role, measured by {@link ReadinessRules}
 * from the drill's own pages, assignments, checklist and handovers.
 */
@ApplicationScoped
public class Drills {

    private final DrillRepository drills;
    private final ResponseRecordRepository records;
    private final IncidentRoleRepository roles;
    private final PageRepository pages;
    private final RunbookRepository runbooks;
    private final HandoverRepository handovers;
    private final RoleDirection direction;
    private final WarRooms warRooms;
    private final Outbox outbox;
    private final Clock clock;

    public Drills(DrillRepository drills, ResponseRecordRepository records, IncidentRoleRepository roles, PageRepository pages,
                  RunbookRepository runbooks, HandoverRepository handovers, RoleDirection direction, WarRooms warRooms, Outbox outbox,
                  Clock clock) {
        this.drills = drills;
        this.records = records;
        this.roles = roles;
        this.pages = pages;
        this.runbooks = runbooks;
        this.handovers = handovers;
        this.direction = direction;
        this.warRooms = warRooms;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A drill as its API shows it: the scenario (null until defined) and the readiness records once resolved. */
    public record State(ResponseRecord record, Drill drill, List<ReadinessRecord> readiness) {
    }

    @WithSession
    public Uni<State> of(UUID incidentId) {
        return drillRecord(records.findById(incidentId), incidentId)
                .chain(record -> drills.findById(incidentId).chain(drill -> drills.recordsOf(incidentId)
                        .map(readiness -> new State(record, drill, readiness))));
    }

    /**
     * Sets the scenario and participants of a drill that is not resolved yet; the participants join its war
     * room. The drill's director (its commander, or an admin).
     */
    @WithTransaction
    public Uni<State> define(Actor actor, UUID incidentId, String scenario, List<DrillParticipant> participants) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return drillRecord(records.locked(incidentId), incidentId).chain(record -> direction.require(actor, record).chain(() -> {
            if (record.status == ResponseStatus.RESOLVED || record.status == ResponseStatus.CLOSED) {
                return Uni.createFrom().failure(ProblemException.conflict(record.incidentKey + " is " + record.status
                        + "; its scenario is history"));
            }
            return drills.findById(incidentId).chain(existing -> {
                Drill drill = existing != null ? existing : new Drill();
                drill.incidentId = incidentId;
                drill.scenario = scenario;
                drill.participants = List.copyOf(participants);
                drill.definedBy = actor.user();
                drill.definedAt = now;
                Uni<Void> joining = Uni.createFrom().voidItem();
                for (DrillParticipant p : participants) {
                    joining = joining.chain(() -> warRooms.joined(record, p.person(), MemberKind.RESPONDER, actor.user(), now));
                }
                Uni<Void> joined = joining;
                return (existing != null ? Uni.createFrom().item(drill) : drills.persistDrill(drill))
                        .call(() -> joined)
                        .call(() -> outbox.record(EventTypes.DRILL_DEFINED, incidentId.toString(), new DrillDefined(incidentId,
                                record.incidentKey, scenario, participants.stream().map(p -> new DrillDefined.Participant(p.person(), p.role()))
                                .toList(), actor.user(), now, true)))
                        .map(d -> new State(record, d, List.of()));
            });
        }));
    }

    /**
     * Inside the lifecycle's transaction: the drill {@code record} was resolved at {@code at}. One readiness
     * record per person and role — everyone proposed a role, and every named participant — replacing those
     * of an earlier resolution of the same drill; each published.
     */
    public Uni<Void> resolved(ResponseRecord record, Instant at) {
        if (!record.drill) {
            return Uni.createFrom().voidItem();
        }
        UUID id = record.incidentId;
        return roles.of(id).chain(assignments -> pages.of(id).chain(paged -> runbooks.checklist(id).chain(checklist -> handovers.of(id)
                .chain(handed -> drills.findById(id).chain(drill -> {
                    Map<String, List<IncidentRole>> byPersonAndRole = new LinkedHashMap<>();
                    for (IncidentRole a : assignments) {
                        byPersonAndRole.computeIfAbsent(a.person + "\u0000" + a.role.name(), k -> new ArrayList<>()).add(a);
                    }
                    if (drill != null) {
                        for (DrillParticipant p : drill.participants) {
                            byPersonAndRole.computeIfAbsent(p.person() + "\u0000" + p.role(), k -> new ArrayList<>());
                        }
                    }
                    Uni<Void> written = Uni.createFrom().voidItem();
                    for (var entry : byPersonAndRole.entrySet()) {
                        String[] key = entry.getKey().split("\u0000", 2);
                        written = written.chain(() -> write(record, key[0], IncidentRoleKind.valueOf(key[1]), entry.getValue(), paged,
                                checklist, handed, at));
                    }
                    return written;
                })))));
    }

    private Uni<Void> write(ResponseRecord record, String person, IncidentRoleKind role, List<IncidentRole> assignments, List<Page> paged,
                            List<ChecklistItem> checklist, List<Handover> handed, Instant at) {
        ReadinessRules.Performance p = ReadinessRules.measure(person, role, assignments, paged, checklist, handed);
        ReadinessRecord r = new ReadinessRecord();
        r.id = UUID.randomUUID();
        r.person = person;
        r.role = role.name();
        r.incidentId = record.incidentId;
        r.incidentKey = record.incidentKey;
        r.drilledAt = at;
        r.tookPart = p.tookPart();
        r.secondsToAcknowledge = p.secondsToAcknowledge();
        r.secondsToAccept = p.secondsToAccept();
        r.checklistDone = p.checklistDone();
        r.checklistTotal = p.checklistTotal();
        r.handoversOffered = p.handoversOffered();
        r.handoversAcknowledged = p.handoversAcknowledged();
        r.recordedAt = at;
        return drills.upsert(r).chain(saved -> outbox.record(EventTypes.READINESS_RECORDED, record.incidentId.toString(),
                new ReadinessRecorded(record.incidentId, record.incidentKey, person, role.name(), p.tookPart(), p.secondsToAcknowledge(),
                        p.secondsToAccept(), p.checklistDone(), p.checklistTotal(), p.handoversOffered(), p.handoversAcknowledged(), at, true)))
                .replaceWithVoid();
    }

    private static Uni<ResponseRecord> drillRecord(Uni<ResponseRecord> found, UUID incidentId) {
        return found.chain(record -> record == null || !record.drill
                ? Uni.createFrom().failure(ProblemException.notFound("Drill", incidentId)) : Uni.createFrom().item(record));
    }
}
