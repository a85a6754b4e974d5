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

/** A commit or deploy linked to an incident (and to one of its changes when the message names it). */
@Entity
@Table(name = "vcs_link")
@IdClass(VcsLink.Key.class)
public class VcsLink {

    @Id
    @Column(name = "item_id")
    public UUID itemId;

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "change_id")
    public UUID changeId;

    @Column(nullable = false)
    public String why;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    public static class Key implements Serializable {
        public UUID itemId;
        public UUID incidentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(itemId, k.itemId) && Objects.equals(incidentId, k.incidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemId, incidentId);
        }
    }
}
