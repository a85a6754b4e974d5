package io.firebreak.response.domain.roles;

import io.firebreak.response.model.ResponseRecord;
import io.firebreak.response.model.ResponseTransition;
import io.firebreak.response.model.roles.AssignmentStatus;
import io.firebreak.response.model.roles.HandoverBrief;
import io.firebreak.response.model.roles.IncidentRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The read-in part of a handover brief, assembled from the incident's own record — the same input
 * gives the same lines, no language model: what the incident is, where its lifecycle stands, who holds
 * which role, and its timeline so far.
 */
public final class ReadInBriefs {

    private ReadInBriefs() {
    }

    public static List<String> readIn(ResponseRecord r, List<ResponseTransition> transitions, List<IncidentRole> roles) {
        List<String> lines = new ArrayList<>();
        lines.add(r.incidentKey + " (" + r.priority + (r.drill ? ", drill" : "") + ") on " + r.businessService + ": " + r.title);
        lines.add("Status " + r.status + " since " + r.statusChangedAt + "; detected " + r.detectedAt + ", declared " + r.declaredAt
                + (r.acknowledgedAt == null ? "" : ", first acknowledged " + r.acknowledgedAt + " by " + r.acknowledgedBy)
                + (r.mitigatedAt == null ? "" : ", mitigated " + r.mitigatedAt)
                + (r.reopenCount == 0 ? "" : "; reopened " + r.reopenCount + " time(s)"));
        if (r.priorityReviewRequestedAt != null) {
            lines.add("Priority review due since " + r.priorityReviewRequestedAt + " (temporary P1 expired unconfirmed)");
        }
        roles.stream().filter(a -> a.status.active())
                .sorted(Comparator.comparing((IncidentRole a) -> a.role).thenComparing(a -> a.person))
                .forEach(a -> lines.add("Role " + a.role + ": " + a.person + (a.status == AssignmentStatus.ACCEPTED
                        ? " since " + a.acceptedAt : " (proposed " + a.proposedAt + ", not accepted yet)")));
        transitions.stream().sorted(Comparator.comparingInt(t -> t.seq))
                .forEach(t -> lines.add("Timeline " + t.changedAt + ": " + t.action + " by " + t.changedBy + (t.via == null ? "" : " via " + t.via)
                        + (t.note == null ? "" : " — " + t.note)));
        return List.copyOf(lines);
    }

    /** A draft for the outgoing holder: the read-in filled, their own parts empty but for the current status line. */
    public static HandoverBrief draft(ResponseRecord r, List<ResponseTransition> transitions, List<IncidentRole> roles) {
        return new HandoverBrief(r.status + " since " + r.statusChangedAt, List.of(), List.of(), List.of(), List.of(), List.of(),
                readIn(r, transitions, roles));
    }
}
