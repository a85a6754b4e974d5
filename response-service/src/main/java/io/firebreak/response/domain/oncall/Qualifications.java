package io.firebreak.response.domain.oncall;

import io.firebreak.events.EventTypes;
import io.firebreak.events.QualificationRecorded;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.response.model.oncall.Qualification;
import io.firebreak.response.model.oncall.ResponseRole;
import io.firebreak.response.persistence.oncall.QualificationRepository;
import io.firebreak.response.persistence.oncall.TeamRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Qualifications for response roles: recorded by an admin or by the manager of a team the person is in. */
@ApplicationScoped
public class Qualifications {

    private final QualificationRepository qualifications;
    private final TeamRepository teams;
    private final Outbox outbox;
    private final Clock clock;

    public Qualifications(QualificationRepository qualifications, TeamRepository teams, Outbox outbox, Clock clock) {
        this.qualifications = qualifications;
        this.teams = teams;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Qualification> record(Actor actor, String person, Drafts.QualificationDraft draft) {
        List<Violation> violations = new ArrayList<>();
        if (draft == null || draft.role() == null) {
            violations.add(new Violation("role", "must be INCIDENT_COMMANDER, COMMS_LEAD, TECH_LEAD or TEAM_ON_CALL"));
        }
        if (draft != null && draft.trainedOn() == null) {
            violations.add(new Violation("trainedOn", "must be the training date (YYYY-MM-DD)"));
        }
        if (draft != null && (draft.evidence() == null || draft.evidence().isBlank())) {
            violations.add(new Violation("evidence", "must say what proves the training (certificate, course record, drill)"));
        }
        Instant now = clock.instant();
        Instant from = draft == null || draft.validFrom() == null ? now : draft.validFrom();
        if (draft != null && draft.validUntil() != null && !draft.validUntil().isAfter(from)) {
            violations.add(new Violation("validUntil", "must be after validFrom"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        return mayRecordFor(actor, person).chain(() -> {
            Qualification q = new Qualification();
            q.id = UUID.randomUUID();
            q.person = person;
            q.role = draft.role();
            q.trainedOn = draft.trainedOn();
            q.validFrom = from;
            q.validUntil = draft.validUntil();
            q.evidence = draft.evidence().strip();
            q.recordedBy = actor.user();
            q.recordedAt = now;
            return qualifications.persist(q).call(saved -> outbox.record(EventTypes.QUALIFICATION_RECORDED, person,
                    new QualificationRecorded(q.id, person, q.role.name(), q.trainedOn, q.validUntil, q.evidence, q.recordedBy, now)));
        });
    }

    private Uni<Void> mayRecordFor(Actor actor, String person) {
        if (actor.isAdmin()) {
            return Uni.createFrom().voidItem();
        }
        return teams.of(person).chain(list -> OnCallRights.managesATeamOf(actor, list)
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.forbidden(actor.user() + " manages no team of " + person
                        + "; qualifications are recorded by the person's team manager or an admin")));
    }

    @WithSession
    public Uni<List<Qualification>> of(String person) {
        return qualifications.ofPeople(List.of(person));
    }

    /** Whether the person holds a valid qualification for the role at {@code at} (always, for roles that need none). */
    public Uni<Boolean> qualifiedAt(String person, ResponseRole role, Instant at) {
        if (!role.qualificationRequired()) {
            return Uni.createFrom().item(true);
        }
        return periods(List.of(person)).map(byPerson -> coveredThroughout(byPerson.getOrDefault(person, List.of()), role, at,
                at.plusSeconds(1)));
    }

    /** Everyone's qualified periods, by person, for the gap and scheduling checks. */
    Uni<Map<String, List<QualifiedPeriod>>> periods(Collection<String> people) {
        return qualifications.ofPeople(people).map(list -> {
            Map<String, List<QualifiedPeriod>> byPerson = new HashMap<>();
            for (Qualification q : list) {
                byPerson.computeIfAbsent(q.person, p -> new ArrayList<>()).add(new QualifiedPeriod(q.person, q.role, q.validFrom, q.validUntil));
            }
            return byPerson;
        });
    }

    /** Whether someone holds a valid qualification for the role throughout [from, to). */
    static boolean coveredThroughout(List<QualifiedPeriod> periods, ResponseRole role, Instant from, Instant to) {
        if (!role.qualificationRequired()) {
            return true;
        }
        List<Interval> valid = new ArrayList<>();
        Interval range = new Interval(from, to);
        for (QualifiedPeriod p : periods) {
            if (p.role() == role) {
                Interval part = p.within(range);
                if (part != null) {
                    valid.add(part);
                }
            }
        }
        return Interval.uncovered(range, valid).isEmpty();
    }
}
