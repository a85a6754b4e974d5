package io.firebreak.metrics.persistence;

import io.firebreak.platform.outbox.OutboxConfig;
import io.firebreak.platform.sql.SessionSql;
import io.firebreak.platform.sql.SqlIdentifiers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Quarterly governance reviews and responder surveys. */
@ApplicationScoped
@WithSession
public class GovernanceRepository {

    /** A stored review; policies and decisions as JSON. */
    public record Review(String quarter, Instant heldAt, String policies, String stakeholderFeedback, String decisions, String recordedBy,
                         Instant recordedAt) {
    }

    /** A survey invitation and, once answered, the answer. */
    public record Survey(UUID surveyId, UUID incidentId, String incidentKey, String priority, String person, Instant invitedAt, Instant answeredAt,
                         Integer rating, String wentWell, String toImprove) {
    }

    private static final String SURVEY = "survey_id, incident_id, incident_key, priority, person, invited_at, answered_at, rating, went_well, to_improve";
    private final String schema;

    public GovernanceRepository(OutboxConfig config) {
        schema = SqlIdentifiers.schema(config.schema());
    }

    private static Instant instant(Object o) {
        return o == null ? null : o instanceof OffsetDateTime d ? d.toInstant() : (Instant) o;
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public Uni<Review> review(String quarter, boolean lock) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select quarter, held_at, policies, stakeholder_feedback, decisions, recorded_by,"
                + " recorded_at from " + schema + ".governance_review where quarter = :q" + (lock ? " for update" : ""))
                .bind("q", quarter).rows()).map(l -> l.isEmpty() ? null : new Review((String) l.get(0)[0], instant(l.get(0)[1]),
                (String) l.get(0)[2], (String) l.get(0)[3], (String) l.get(0)[4], (String) l.get(0)[5], instant(l.get(0)[6])));
    }

    public Uni<Void> save(Review r) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into " + schema + ".governance_review (quarter, held_at, policies,"
                        + " stakeholder_feedback, decisions, recorded_by, recorded_at) values (:q, :h, :p, :f, :d, :b, :a) on conflict (quarter) do update"
                        + " set held_at = excluded.held_at, policies = excluded.policies, stakeholder_feedback = excluded.stakeholder_feedback,"
                        + " decisions = excluded.decisions, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at")
                .setParameter("q", r.quarter()).setParameter("h", utc(r.heldAt())).setParameter("p", r.policies())
                .setParameter("f", r.stakeholderFeedback()).setParameter("d", r.decisions()).setParameter("b", r.recordedBy())
                .setParameter("a", utc(r.recordedAt())).executeUpdate()).replaceWithVoid();
    }

    /** Invites each person once per incident. */
    public Uni<Void> invite(UUID incidentId, String incidentKey, String priority, List<String> people, Instant invitedAt) {
        if (people.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into " + schema + ".responder_survey (survey_id, incident_id, incident_key, priority, person,"
                + " invited_at) values ");
        for (int i = 0; i < people.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:s").append(i).append(", :i, :k, :p, :n").append(i).append(", :a)");
        }
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.append(" on conflict (incident_id, person) do nothing").toString()).setParameter("i", incidentId)
                    .setParameter("k", incidentKey).setParameter("p", priority).setParameter("a", utc(invitedAt));
            for (int i = 0; i < people.size(); i++) {
                q.setParameter("s" + i, UUID.randomUUID()).setParameter("n" + i, people.get(i));
            }
            return q.executeUpdate();
        }).replaceWithVoid();
    }

    private static List<Survey> surveys(List<Object[]> rows) {
        List<Survey> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Survey((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], instant(r[5]), instant(r[6]),
                    r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8], (String) r[9]));
        }
        return out;
    }

    public Uni<List<Survey>> surveysOf(String person) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select " + SURVEY + " from " + schema + ".responder_survey where person = :p"
                + " order by invited_at desc limit 200").bind("p", person).rows()).map(GovernanceRepository::surveys);
    }

    public Uni<Survey> survey(UUID id, boolean lock) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select " + SURVEY + " from " + schema + ".responder_survey where survey_id = :i"
                + (lock ? " for update" : "")).bind("i", id).rows())
                .map(l -> l.isEmpty() ? null : surveys(l).get(0));
    }

    public Uni<Void> answer(UUID id, int rating, String wentWell, String toImprove, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update " + schema + ".responder_survey set rating = :r, went_well = :w,"
                        + " to_improve = :t, answered_at = :a where survey_id = :i").setParameter("r", rating).setParameter("w", wentWell)
                .setParameter("t", toImprove).setParameter("a", utc(at)).setParameter("i", id).executeUpdate()).replaceWithVoid();
    }

    /** The surveys of incidents resolved in [from, until). */
    public Uni<List<Survey>> surveysBetween(Instant from, Instant until) {
        return Panache.getSession().chain(s -> SessionSql.on(s, "select " + SURVEY + " from " + schema + ".responder_survey where invited_at >= :f"
                + " and invited_at < :u order by invited_at").bind("f", from).bind("u", until)
                .rows()).map(GovernanceRepository::surveys);
    }
}
