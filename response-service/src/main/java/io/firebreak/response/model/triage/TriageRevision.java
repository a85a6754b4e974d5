package io.firebreak.response.model.triage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A triage entry as it was after one change (revision 1: as recorded). */
@Entity
@Table(name = "triage_revision")
@IdClass(TriageRevision.Key.class)
public class TriageRevision {

    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    @Id
    public int revision;

    /** JSON of the entry's fields after the change. */
    @Column(nullable = false)
    public String snapshot;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public String reason;

    public static class Key implements Serializable {
        public UUID entryId;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(entryId, k.entryId) && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, revision);
        }
    }
}
