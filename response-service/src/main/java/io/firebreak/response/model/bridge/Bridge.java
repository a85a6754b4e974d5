package io.firebreak.response.model.bridge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An incident's bridge and its update cadence. */
@Entity
@Table(name = "bridge")
public class Bridge {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    public String url;

    @Column(name = "dial_in")
    public String dialIn;

    @Column(name = "cadence_minutes", nullable = false)
    public int cadenceMinutes;

    /** When the next update is due; missing it publishes bridge.update_overdue. */
    @Column(name = "next_checkpoint_at", nullable = false)
    public Instant nextCheckpointAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** The checkpoint missed, while no update has answered it. */
    @Column(name = "overdue_since")
    public Instant overdueSince;

    @Version
    public long version;
}
