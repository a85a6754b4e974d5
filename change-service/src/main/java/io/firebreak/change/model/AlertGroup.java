package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An alert group (service, dedup key) and when it first triggered, from the alert signals classification accepted. */
@Entity
@Table(name = "alert_group")
@IdClass(AlertGroup.Key.class)
public class AlertGroup {

    @Id
    public String service;

    @Id
    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "last_triggered_at")
    public Instant lastTriggeredAt;

    @Column(name = "last_resolved_at")
    public Instant lastResolvedAt;

    public String summary;

    /** Firing: triggered, and not resolved since its last trigger. */
    public boolean firing() {
        return lastTriggeredAt != null && (lastResolvedAt == null || lastResolvedAt.isBefore(lastTriggeredAt));
    }

    public static class Key implements Serializable {
        public String service;
        public String dedupKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(service, k.service) && Objects.equals(dedupKey, k.dedupKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, dedupKey);
        }
    }
}
