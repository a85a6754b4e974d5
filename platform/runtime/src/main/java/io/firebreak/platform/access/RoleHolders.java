package io.firebreak.platform.access;

import io.firebreak.events.RoleAssigned;
import io.firebreak.events.RoleReleased;
import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Who holds which response role of an incident now, as every service but response learns it: an accepted assignment
 * ({@code role.assigned}) until its {@code role.released}. One implementation behind "only the incident's current
 * Communications Lead / commander may …" in every service. Runs in the caller's Hibernate Reactive session
 * (writes in the consumer's inbox transaction); applying an event twice changes nothing.
 */
@ApplicationScoped
public class RoleHolders {

    public static final String INCIDENT_COMMANDER = "INCIDENT_COMMANDER";
    public static final String COMMS_LEAD = "COMMS_LEAD";
    public static final String TECH_LEAD = "TECH_LEAD";

    private final String insert;
    private final String delete;
    private final String select;

    public RoleHolders(OutboxConfig config) {
        String table = SqlIdentifiers.schema(config.schema()) + ".incident_role_holder";
        insert = "insert into " + table + " (assignment_id, incident_id, role, person, since) values (:id, :incident, :role, :person, :since)"
                + " on conflict (assignment_id) do nothing";
        delete = "delete from " + table + " where assignment_id = :id";
        select = "select person from " + table + " where incident_id = :incident and role = :role order by since, person";
    }

    /** Answers whether the event changed anything (false for a redelivery). */
    public Uni<Boolean> assigned(RoleAssigned a) {
        return Panache.getSession().chain(s -> s.createNativeQuery(insert)
                .setParameter("id", a.assignmentId())
                .setParameter("incident", a.incidentId())
                .setParameter("role", a.role())
                .setParameter("person", a.person())
                .setParameter("since", OffsetDateTime.ofInstant(a.acceptedAt(), ZoneOffset.UTC))
                .executeUpdate()).map(n -> n > 0);
    }

    public Uni<Boolean> released(RoleReleased r) {
        return Panache.getSession().chain(s -> s.createNativeQuery(delete).setParameter("id", r.assignmentId()).executeUpdate())
                .map(n -> n > 0);
    }

    /** Who holds {@code role} of the incident now, longest first. */
    public Uni<List<String>> holders(UUID incidentId, String role) {
        // Reads reuse the caller's session when there is one (a transaction that just applied an event sees it).
        return Panache.withSession(() -> Panache.getSession().chain(s -> SessionSql.on(s, select)
                .bind("incident", incidentId)
                .bind("role", role)
                .column()
                .map(people -> people.stream().map(String.class::cast).toList())));
    }

    /** Whether {@code person} holds {@code role} of the incident now. */
    public Uni<Boolean> holds(UUID incidentId, String role, String person) {
        return holders(incidentId, role).map(list -> list.contains(person));
    }

    /**
     * Passes when {@code actor} holds one of {@code roles} of the incident now; otherwise 403 naming who does.
     * {@code incidentKey} and {@code what} make the refusal readable ("Publishing a status of INC-2026-0042 is for …").
     */
    public Uni<Void> requireHolder(Actor actor, UUID incidentId, String incidentKey, String what, String... roles) {
        Uni<List<String>> all = Uni.createFrom().item(List.of());
        for (String role : roles) {
            all = all.chain(found -> holders(incidentId, role).map(more -> {
                List<String> merged = new ArrayList<>(found);
                merged.addAll(more);
                return merged;
            }));
        }
        return all.chain(holders -> holders.contains(actor.user()) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.forbidden(what + " of " + incidentKey + " is for its current "
                        + String.join(" or ", Arrays.stream(roles).map(RoleHolders::title).toList())
                        + (holders.isEmpty() ? " (nobody holds the role now)" : " (" + String.join(", ", holders) + ")"))));
    }

    static String title(String role) {
        return switch (role) {
            case COMMS_LEAD -> "Communications Lead";
            case INCIDENT_COMMANDER -> "incident commander";
            case TECH_LEAD -> "Technical Lead";
            default -> role;
        };
    }
}
