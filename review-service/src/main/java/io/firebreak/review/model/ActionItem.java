package io.firebreak.review.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An action item of a post-mortem: a named owner, a deadline, a priority and a type; OPEN until completed. */
@Entity
@Table(name = "action_item")
public class ActionItem {

    @Id
    public UUID id;

    @Column(name = "postmortem_id", nullable = false)
    public UUID postmortemId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public Instant deadline;

    @Column(nullable = false)
    public String priority;

    @Column(nullable = false)
    public String type;

    public String team;

    @Column(nullable = false)
    public String state;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String evidence;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Convert(converter = Team.Strings.class)
    @Column(name = "escalated_to")
    public List<String> escalatedTo;

    @Column(name = "tracker_id")
    public UUID trackerId;

    @Column(name = "tracker_ref")
    public String trackerRef;

    @Column(name = "tracker_url")
    public String trackerUrl;

    @Column(name = "tracker_status")
    public String trackerStatus;

    @Column(name = "tracker_error")
    public String trackerError;

    @Version
    public long version;
}
