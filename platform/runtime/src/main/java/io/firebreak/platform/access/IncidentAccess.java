package io.firebreak.platform.access;

import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.platform.sql.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Who may see an incident, one implementation for every service: restricted incidents and war-room
 * members in the service's own schema. The owning service (response) writes them in the transaction
 * that changes the war room; the others project them from its events. Writes join the caller's
 * Hibernate Reactive transaction; {@link #sight} reads on its own connection (a request filter).
 *
 * <p>The rule: auditors and admins see every incident; anyone else sees a restricted incident only while
 * in its war room, and gets 404 otherwise, in every lookup and list, exactly as if it did not exist.
 */
@ApplicationScoped
public class IncidentAccess {

    private final Pool pool;
    private final String restrict;
    private final String lift;
    private final String isRestricted;
    private final String enrol;
    private final String admit;
    private final String remove;
    private final String members;
    private final String member;
    private final String sight;
    private final String restrictedTable;
    private final String memberTable;

    public IncidentAccess(Pool pool, OutboxConfig outbox, AccessConfig config) {
        this.pool = pool;
        String schema = SqlIdentifiers.schema(outbox.schema());
        restrictedTable = schema + ".access_restricted";
        memberTable = schema + ".access_member";
        restrict = "insert into " + restrictedTable + " (subject, restricted_at, restricted_by, reason) values (:subject, :at, :by, :reason)"
                + " on conflict (subject) do nothing";
        lift = "delete from " + restrictedTable + " where subject = :subject";
        isRestricted = "select count(*) from " + restrictedTable + " where subject = :subject";
        enrol = "insert into " + memberTable + " (subject, person, kind, added_at, added_by) values (:subject, :person, :kind, :at, :by)"
                + " on conflict (subject, person) do nothing";
        // A commander's choice replaces an automatic kind (paged → responder) and changes responder ↔ observer.
        admit = "insert into " + memberTable + " (subject, person, kind, added_at, added_by) values (:subject, :person, :kind, :at, :by)"
                + " on conflict (subject, person) do update set kind = excluded.kind, added_by = excluded.added_by"
                + " where " + memberTable + ".kind is distinct from excluded.kind";
        remove = "delete from " + memberTable + " where subject = :subject and person = :person";
        members = "select person, kind, added_at, added_by from " + memberTable + " where subject = :subject order by added_at, person";
        member = "select count(*) from " + memberTable + " where subject = :subject and person = :person";
        String known = config.incidentTable()
                .map(t -> "exists (select 1 from " + schema + "." + SqlIdentifiers.schema(t) + " where "
                        + SqlIdentifiers.schema(config.incidentColumn()) + " = $1)")
                .orElse("true");
        sight = "select " + known + " as known,"
                + " exists (select 1 from " + restrictedTable + " where subject = $2) as restricted,"
                + " exists (select 1 from " + memberTable + " where subject = $2 and person = $3) as member";
    }

    /** Auditors and admins see every incident, restricted or not. */
    public static boolean seesEverything(Actor actor) {
        return actor.hasAny(Roles.AUDITOR, Roles.ADMIN);
    }

    /** What {@code person} may know of the incident; on its own connection, outside any transaction. */
    public Uni<Sight> sight(UUID incidentId, String person) {
        return pool.preparedQuery(sight).execute(Tuple.of(incidentId, incidentId.toString(), person))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Sight(row.getBoolean("known"), row.getBoolean("restricted"), row.getBoolean("member"));
                });
    }

    /** Fails with the 404 an unknown incident gets when {@code actor} may not see it. */
    public Uni<Void> requireVisible(Actor actor, UUID incidentId) {
        if (seesEverything(actor)) {
            return Uni.createFrom().voidItem();
        }
        return sight(incidentId, actor.user()).chain(s -> s.visible() ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(hidden(incidentId)));
    }

    /** The answer to a caller who may not see the incident: the same as for one that does not exist. */
    public static ProblemException hidden(UUID incidentId) {
        return ProblemException.notFound("Incident", incidentId);
    }

    /** Restricts the incident from now on (events recorded after this in the same transaction carry the flag); false if it already was. */
    public Uni<Boolean> restrict(UUID incidentId, String by, String reason, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(restrict).setParameter("subject", incidentId.toString())
                .setParameter("at", utc(at)).setParameter("by", by).setParameter("reason", reason).executeUpdate()).map(n -> n > 0);
    }

    /** Lifts the restriction; false if the incident was not restricted. */
    public Uni<Boolean> lift(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(lift).setParameter("subject", incidentId.toString())
                .executeUpdate()).map(n -> n > 0);
    }

    public Uni<Boolean> isRestricted(UUID incidentId) {
        return Panache.getSession().chain(s -> SessionSql.on(s, isRestricted)
                .bind("subject", incidentId.toString()).count()).map(n -> n > 0);
    }

    /** Adds a member automatically (a role or a page); someone already in keeps their kind. True if newly added. */
    public Uni<Boolean> enrol(UUID incidentId, String person, MemberKind kind, String by, Instant at) {
        return write(enrol, incidentId, person, kind, by, at);
    }

    /** Adds a member, or changes their kind, on the commander's decision. True if anything changed. */
    public Uni<Boolean> admit(UUID incidentId, String person, MemberKind kind, String by, Instant at) {
        return write(admit, incidentId, person, kind, by, at);
    }

    /** Removes a member; false if they were not in the war room. */
    public Uni<Boolean> remove(UUID incidentId, String person) {
        return Panache.getSession().chain(s -> s.createNativeQuery(remove).setParameter("subject", incidentId.toString())
                .setParameter("person", person).executeUpdate()).map(n -> n > 0);
    }

    public Uni<Boolean> isMember(UUID incidentId, String person) {
        return Panache.getSession().chain(s -> SessionSql.on(s, member).bind("subject", incidentId.toString())
                .bind("person", person).count()).map(n -> n > 0);
    }

    /** The war room, in the order people joined. */
    public Uni<List<WarRoomMember>> members(UUID incidentId) {
        return Panache.getSession().chain(s -> SessionSql.on(s, members)
                        .bind("subject", incidentId.toString()).rows())
                .map(rows -> rows.stream().map(r -> new WarRoomMember((String) r[0], MemberKind.valueOf((String) r[1]),
                        SqlTimes.instant(r[2]), (String) r[3])).toList());
    }

    /**
     * A SQL condition for list queries: the incident whose id (as text) is {@code subjectExpression} is
     * visible to the person bound as {@code :personParameter}. Callers who see everything skip it.
     */
    public String visibleCondition(String subjectExpression, String personParameter) {
        return "(not exists (select 1 from " + restrictedTable + " ar where ar.subject = " + subjectExpression + ")"
                + " or exists (select 1 from " + memberTable + " am where am.subject = " + subjectExpression
                + " and am.person = :" + personParameter + "))";
    }

    private Uni<Boolean> write(String sql, UUID incidentId, String person, MemberKind kind, String by, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter("subject", incidentId.toString())
                .setParameter("person", person).setParameter("kind", kind.name()).setParameter("at", utc(at))
                .setParameter("by", by).executeUpdate()).map(n -> n > 0);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
