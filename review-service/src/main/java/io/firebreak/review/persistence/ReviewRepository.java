package io.firebreak.review.persistence;

import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.firebreak.review.model.FlagResolution;
import io.firebreak.review.model.Incident;
import io.firebreak.review.model.Postmortem;
import io.firebreak.review.model.Team;
import io.firebreak.review.model.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Review's projections, post-mortems, timelines and flag resolutions. */
@ApplicationScoped
@WithSession
public class ReviewRepository {

    private final String teamsLike;

    public ReviewRepository(OutboxConfig config) {
        teamsLike = "select team_id from " + SqlIdentifiers.schema(config.schema()) + ".team where members like :pattern";
    }

    public Uni<Incident> incident(UUID id) {
        return Panache.getSession().chain(s -> s.find(Incident.class, id));
    }

    public Uni<Team> team(String id) {
        return Panache.getSession().chain(s -> s.find(Team.class, id));
    }

    /** Teams {@code person} is a member of (members are stored as a JSON list of names). */
    public Uni<List<Team>> teamsOf(String person) {
        // SQL: the members column is JSON text, while HQL types the converted attribute as a list.
        return Panache.getSession().chain(s -> SessionSql.on(s, teamsLike)
                .bind("pattern", "%\"" + person.replace("%", "").replace("_", "") + "\"%").entities(Team.class))
                .map(teams -> teams.stream().filter(t -> t.members.contains(person)).toList());
    }

    public Uni<Postmortem> postmortem(UUID id) {
        return Panache.getSession().chain(s -> s.find(Postmortem.class, id));
    }

    public Uni<Postmortem> lockedPostmortem(UUID id) {
        return Panache.getSession().chain(s -> s.find(Postmortem.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The id of the incident's post-mortem, without loading it: a writer loads it only under its lock
     * ({@link #lockedPostmortem}), since an entity read before the lock and changed by another commit meanwhile
     * fails the lock's version check (409 to a writer who merely waited its turn).
     */
    public Uni<UUID> postmortemIdOf(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("select p.id from Postmortem p where p.incidentId = ?1", UUID.class)
                .setParameter(1, incidentId).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<Postmortem> postmortemOf(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from Postmortem where incidentId = ?1", Postmortem.class)
                .setParameter(1, incidentId).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<TimelineEntry> entry(String id) {
        return Panache.getSession().chain(s -> s.find(TimelineEntry.class, id));
    }

    public Uni<List<TimelineEntry>> timeline(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from TimelineEntry where incidentId = ?1 order by at, id", TimelineEntry.class)
                .setParameter(1, incidentId).getResultList());
    }

    public Uni<List<FlagResolution>> resolutions(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from FlagResolution where incidentId = ?1", FlagResolution.class)
                .setParameter(1, incidentId).getResultList());
    }

    /** Marks a flag as published; answers whether it was new (timeline.flag_raised goes out once per flag). */
    public Uni<Boolean> raised(UUID incidentId, String flagKey, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into {h-schema}flag_raised (incident_id, flag_key, raised_at)"
                        + " values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, incidentId).setParameter(2, flagKey).setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate()).map(n -> n > 0);
    }

    public Uni<io.firebreak.review.model.CatalogService> service(String name) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.CatalogService.class, name));
    }

    public Uni<List<io.firebreak.review.model.ContributingFactor>> factorsOf(UUID postmortemId) {
        return Panache.getSession().chain(s -> s.createQuery("from ContributingFactor where postmortemId = ?1 order by addedAt, id",
                io.firebreak.review.model.ContributingFactor.class).setParameter(1, postmortemId).getResultList());
    }

    public Uni<io.firebreak.review.model.ContributingFactor> factor(UUID id) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.ContributingFactor.class, id));
    }

    /** Factors of incidents declared in [from, until) (trends count incidents of a period, not when factors were typed). */
    public Uni<List<io.firebreak.review.model.ContributingFactor>> factorsOfIncidentsDeclared(Instant from, Instant until) {
        return Panache.getSession().chain(s -> s.createQuery("select f from ContributingFactor f, Incident i where i.incidentId = f.incidentId"
                + " and i.declaredAt >= ?1 and i.declaredAt < ?2 and i.drill = false", io.firebreak.review.model.ContributingFactor.class)
                .setParameter(1, from).setParameter(2, until).getResultList());
    }

    public Uni<List<io.firebreak.review.model.BlamelessDismissal>> dismissals(UUID postmortemId) {
        return Panache.getSession().chain(s -> s.createQuery("from BlamelessDismissal where postmortemId = ?1",
                io.firebreak.review.model.BlamelessDismissal.class).setParameter(1, postmortemId).getResultList());
    }

    public Uni<io.firebreak.review.model.RoleTenure> tenure(UUID assignmentId) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.RoleTenure.class, assignmentId));
    }

    public Uni<List<io.firebreak.review.model.RoleTenure>> tenures(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from RoleTenure where incidentId = ?1 order by acceptedAt, role",
                io.firebreak.review.model.RoleTenure.class).setParameter(1, incidentId).getResultList());
    }

    public Uni<io.firebreak.review.model.RoleHandover> handover(UUID id) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.RoleHandover.class, id));
    }

    public Uni<List<io.firebreak.review.model.RoleHandover>> handovers(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from RoleHandover where incidentId = ?1 order by acknowledgedAt",
                io.firebreak.review.model.RoleHandover.class).setParameter(1, incidentId).getResultList());
    }

    public Uni<Long> decisionsOf(UUID updateId) {
        return Panache.getSession().chain(s -> s.createQuery("select count(*) from BridgeDecision where updateId = ?1", Long.class)
                .setParameter(1, updateId).getSingleResult());
    }

    public Uni<List<io.firebreak.review.model.BridgeDecision>> decisions(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from BridgeDecision where incidentId = ?1 order by recordedAt, position",
                io.firebreak.review.model.BridgeDecision.class).setParameter(1, incidentId).getResultList());
    }

    /** Role acceptances after a page, of real P1/P2 incidents declared in [from, until): {incidentId, priority, role, pagedAt, acceptedAt}. */
    public Uni<List<Object[]>> acceptances(Instant from, Instant until) {
        return Panache.getSession().chain(s -> s.createQuery("select t.incidentId, i.priority, t.role, t.pagedAt, t.acceptedAt from RoleTenure t,"
                        + " Incident i where i.incidentId = t.incidentId and i.drill = false and i.priority in ('P1', 'P2')"
                        + " and i.declaredAt >= ?1 and i.declaredAt < ?2 and t.pagedAt is not null", Object[].class)
                .setParameter(1, from).setParameter(2, until).getResultList());
    }

    public Uni<io.firebreak.review.model.ActionItem> item(UUID id) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.ActionItem.class, id));
    }

    public Uni<io.firebreak.review.model.ActionItem> lockedItem(UUID id) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.ActionItem.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<List<io.firebreak.review.model.ActionItem>> itemsOf(UUID incidentId) {
        return Panache.getSession().chain(s -> s.createQuery("from ActionItem where incidentId = ?1 order by createdAt, id",
                io.firebreak.review.model.ActionItem.class).setParameter(1, incidentId).getResultList());
    }

    /** Items due in [from, until) (a quarter's items are those whose deadline falls in it). */
    public Uni<List<io.firebreak.review.model.ActionItem>> itemsDue(Instant from, Instant until) {
        return Panache.getSession().chain(s -> s.createQuery("from ActionItem where deadline >= ?1 and deadline < ?2 order by deadline, id",
                io.firebreak.review.model.ActionItem.class).setParameter(1, from).setParameter(2, until).getResultList());
    }

    public Uni<io.firebreak.review.model.QuarterlyReview> quarterlyReview(String quarter) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.QuarterlyReview.class, quarter));
    }

    /** The tracker configured for the team named {@code team}, or null. */
    public Uni<io.firebreak.review.model.Tracker> trackerOf(String team) {
        return Panache.getSession().chain(s -> s.createQuery("from Tracker where team = ?1", io.firebreak.review.model.Tracker.class)
                .setParameter(1, team).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<io.firebreak.review.model.Tracker> tracker(UUID id) {
        return Panache.getSession().chain(s -> s.find(io.firebreak.review.model.Tracker.class, id));
    }

    /** The item created as issue {@code reference} in tracker {@code trackerId}, locked, or null. */
    public Uni<io.firebreak.review.model.ActionItem> lockedItemInTracker(UUID trackerId, String reference) {
        return Panache.getSession().chain(s -> s.createQuery("from ActionItem where trackerId = ?1 and trackerRef = ?2",
                        io.firebreak.review.model.ActionItem.class).setParameter(1, trackerId).setParameter(2, reference)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    /** Teams named {@code name} (response's team ids differ from the catalog's team names). */
    public Uni<List<Team>> teamsNamed(String name) {
        return Panache.getSession().chain(s -> s.createQuery("from Team where name = ?1", Team.class).setParameter(1, name).getResultList());
    }

    /** The open review of this service and shared cause, locked, or null. */
    public Uni<io.firebreak.review.model.ArchitectureReview> lockedOpenReview(String service, String basis, String basisValue) {
        return Panache.getSession().chain(s -> s.createQuery("from ArchitectureReview where service = ?1 and basis = ?2 and basisValue = ?3"
                        + " and state = 'OPEN'", io.firebreak.review.model.ArchitectureReview.class).setParameter(1, service).setParameter(2, basis)
                .setParameter(3, basisValue).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<io.firebreak.review.model.ArchitectureReview> architectureReview(UUID id, boolean locked) {
        return Panache.getSession().chain(s -> locked ? s.find(io.firebreak.review.model.ArchitectureReview.class, id, LockModeType.PESSIMISTIC_WRITE)
                : s.find(io.firebreak.review.model.ArchitectureReview.class, id));
    }

    /** Reviews, newest first, of one service and/or in one state (null: any). */
    public Uni<List<io.firebreak.review.model.ArchitectureReview>> architectureReviews(String service, String state, int limit) {
        return Panache.getSession().chain(s -> s.createQuery("from ArchitectureReview where (?1 is null or service = ?1)"
                        + " and (?2 is null or state = ?2) order by openedAt desc, id", io.firebreak.review.model.ArchitectureReview.class)
                .setParameter(1, service).setParameter(2, state).setMaxResults(limit).getResultList());
    }

    public Uni<Void> remove(Object entity) {
        return Panache.getSession().chain(s -> s.remove(entity));
    }

    public <T> Uni<T> persist(T entity) {
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }
}
