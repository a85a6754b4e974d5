package io.firebreak.response.domain.roles;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Priority;
import io.firebreak.response.model.LifecycleAction;
import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseStatus;
import io.firebreak.response.model.ResponseTransition;
import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.model.roles.IncidentRole;
import io.firebreak.response.model.roles.IncidentRoleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadInBriefsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T14:00:00Z");

    private static ResponseRecord record() {
        ResponseRecord r = new ResponseRecord();
        r.incidentId = UUID.randomUUID();
        r.incidentKey = "INC-2026-0042";
        r.title = "Checkout 503s";
        r.businessService = "checkout";
        r.priority = Priority.P1;
        r.status = ResponseStatus.MITIGATED;
        r.detectedAt = T0.minusSeconds(120);
        r.declaredAt = T0;
        r.acknowledgedAt = T0.plusSeconds(90);
        r.acknowledgedBy = "ivan";
        r.mitigatedAt = T0.plusSeconds(1800);
        r.statusChangedAt = r.mitigatedAt;
        return r;
    }

    private static ResponseTransition step(int seq, LifecycleAction action, String by, String via, String note, long at) {
        ResponseTransition t = new ResponseTransition();
        t.seq = seq;
        t.action = action;
        t.changedBy = by;
        t.via = via;
        t.note = note;
        t.changedAt = T0.plusSeconds(at);
        return t;
    }

    private static IncidentRole role(IncidentRoleKind kind, String person, AssignmentStatus status) {
        IncidentRole r = new IncidentRole();
        r.role = kind;
        r.person = person;
        r.status = status;
        r.acceptedAt = status == AssignmentStatus.ACCEPTED ? T0.plusSeconds(300) : null;
        r.proposedAt = T0.plusSeconds(60);
        return r;
    }

    @Test
    void theReadInSaysWhatTheIncidentIsWhereItStandsWhoHoldsWhatAndItsTimelineInOrder() {
        List<ResponseTransition> timeline = new ArrayList<>(List.of(
                step(2, LifecycleAction.MITIGATE, "tess", null, "traffic moved to eu-west", 1800),
                step(1, LifecycleAction.ACKNOWLEDGE, "ivan", "LINK", null, 90)));
        List<IncidentRole> roles = List.of(role(IncidentRoleKind.TECH_LEAD, "tess", AssignmentStatus.ACCEPTED),
                role(IncidentRoleKind.INCIDENT_COMMANDER, "olga", AssignmentStatus.ACCEPTED),
                role(IncidentRoleKind.COMMS_LEAD, "carl", AssignmentStatus.PROPOSED),
                role(IncidentRoleKind.SCRIBE, "sid", AssignmentStatus.RELEASED));

        List<String> lines = ReadInBriefs.readIn(record(), timeline, roles);

        assertThat(lines).containsExactly(
                "INC-2026-0042 (P1) on checkout: Checkout 503s",
                "Status MITIGATED since 2026-11-30T14:30:00Z; detected 2026-11-30T13:58:00Z, declared 2026-11-30T14:00:00Z,"
                        + " first acknowledged 2026-11-30T14:01:30Z by ivan, mitigated 2026-11-30T14:30:00Z",
                "Role INCIDENT_COMMANDER: olga since 2026-11-30T14:05:00Z",
                "Role COMMS_LEAD: carl (proposed 2026-11-30T14:01:00Z, not accepted yet)",
                "Role TECH_LEAD: tess since 2026-11-30T14:05:00Z",
                "Timeline 2026-11-30T14:01:30Z: ACKNOWLEDGE by ivan via LINK",
                "Timeline 2026-11-30T14:30:00Z: MITIGATE by tess — traffic moved to eu-west");
    }

    @Test
    void theSameRecordGivesTheSameReadInWhateverOrderItIsReadIn() {
        List<ResponseTransition> timeline = new ArrayList<>(List.of(step(1, LifecycleAction.ACKNOWLEDGE, "ivan", "API", null, 90),
                step(2, LifecycleAction.MITIGATE, "tess", null, null, 1800)));
        List<IncidentRole> roles = new ArrayList<>(List.of(role(IncidentRoleKind.SUBJECT_MATTER_EXPERT, "zoe", AssignmentStatus.ACCEPTED),
                role(IncidentRoleKind.SUBJECT_MATTER_EXPERT, "amy", AssignmentStatus.ACCEPTED)));
        ResponseRecord r = record();
        List<String> first = ReadInBriefs.readIn(r, timeline, roles);
        Collections.reverse(timeline);
        Collections.reverse(roles);
        assertThat(ReadInBriefs.readIn(r, timeline, roles)).isEqualTo(first);
        assertThat(ReadInBriefs.draft(r, timeline, roles).currentStatus()).isEqualTo("MITIGATED since 2026-11-30T14:30:00Z");
    }
}
