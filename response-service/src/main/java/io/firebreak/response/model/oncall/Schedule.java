package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team's on-call schedule for one response role: layers in one time zone, and its succession plan. */
@Entity
@Table(name = "schedule")
public class Schedule {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponseRole role;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Convert(converter = LayersColumn.class)
    @Column(nullable = false)
    public List<Layer> layers;

    @Column(nullable = false)
    public String[] participants;

    @Column(nullable = false)
    public String[] succession;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
