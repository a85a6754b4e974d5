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

/** How a timeline validation flag was resolved: ACCEPTED with a note, or CORRECTED. */
@Entity
@Table(name = "flag_resolution")
@IdClass(FlagResolution.Key.class)
public class FlagResolution {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    @Column(name = "flag_key")
    public String flagKey;

    @Column(nullable = false)
    public String resolution;

    @Column(nullable = false)
    public String note;

    @Column(name = "resolved_by", nullable = false)
    public String resolvedBy;

    @Column(name = "resolved_at", nullable = false)
    public Instant resolvedAt;

    public static class Key implements Serializable {
        public UUID incidentId;
        public String flagKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentId, k.incidentId) && Objects.equals(flagKey, k.flagKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, flagKey);
        }
    }
}
