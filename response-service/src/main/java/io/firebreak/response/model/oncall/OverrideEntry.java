package io.firebreak.response.model.oncall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored override of a schedule: {@code person} covers from–to, for anyone or for {@code replaces}. */
@Entity
@Table(name = "schedule_override")
public class OverrideEntry {

    @Id
    public UUID id;

    @Column(name = "schedule_id", nullable = false)
    public UUID scheduleId;

    @Column(nullable = false)
    public String person;

    public String replaces;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
