package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A new incident on the target or a dependent service within the effectiveness window of an emergency change. */
@Entity
@Table(name = "suspected_regression")
@IdClass(SuspectedRegression.Key.class)
public class SuspectedRegression {

    @Id
    @Column(name = "change_id")
    public UUID changeId;

    @Id
    @Column(name = "new_incident_id")
    public UUID newIncidentId;

    @Column(nullable = false)
    public String service;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    public static class Key implements Serializable {
        public UUID changeId;
        public UUID newIncidentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(changeId, k.changeId) && Objects.equals(newIncidentId, k.newIncidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(changeId, newIncidentId);
        }
    }
}
