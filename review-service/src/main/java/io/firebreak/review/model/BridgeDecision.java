package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A decision taken on the bridge (one of a bridge update's decisions). */
@Entity
@Table(name = "bridge_decision")
@IdClass(BridgeDecision.Key.class)
public class BridgeDecision {

    @Id
    @Column(name = "update_id")
    public UUID updateId;

    @Id
    public int position;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String decision;

    @Column(nullable = false)
    public String owner;

    public Instant deadline;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public boolean late;

    public static class Key implements Serializable {
        public UUID updateId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(updateId, k.updateId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(updateId, position);
        }
    }
}
