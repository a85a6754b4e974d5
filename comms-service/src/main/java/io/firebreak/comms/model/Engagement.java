package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Legal, compliance or PR engaged on an incident, by which criteria, told where. */
@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String function;

    @Convert(converter = StakeholderGroup.StringsColumn.class)
    @Column(nullable = false)
    public List<String> criteria;

    @Convert(converter = StakeholderGroup.StringsColumn.class)
    @Column(nullable = false)
    public List<String> notified;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
}
