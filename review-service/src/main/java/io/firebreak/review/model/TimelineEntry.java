package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of an incident's timeline: recorded from an event, an imported log excerpt, or a recollection. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    public String id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String origin;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(nullable = false)
    public String title;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
