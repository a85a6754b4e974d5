package io.firebreak.metrics.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One escalation hop of an incident: the team it reached and the time the previous level had. */
@Entity
@Table(name = "hop_latency")
@IdClass(HopLatency.Key.class)
public class HopLatency {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "to_level", nullable = false)
    public int toLevel;

    @Column(name = "latency_seconds", nullable = false)
    public long latencySeconds;

    @Column(name = "escalated_at", nullable = false)
    public Instant escalatedAt;

    public static class Key implements Serializable {
        public UUID incidentId;
        public String eventId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(incidentId, k.incidentId) && java.util.Objects.equals(eventId, k.eventId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(incidentId, eventId);
        }
    }
}
