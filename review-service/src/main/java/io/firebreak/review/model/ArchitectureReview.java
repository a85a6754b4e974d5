package io.firebreak.review.model;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.events.RecurrenceThresholdBreached.RecurringIncident;
import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An architectural review of a repeat failure on one service, linked to its recurring incidents. */
@Entity
@Table(name = "architecture_review")
public class ArchitectureReview {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String service;

    @Column(name = "owning_team")
    public String owningTeam;

    @Column(nullable = false)
    public String basis;

    @Column(name = "basis_value", nullable = false)
    public String basisValue;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public String owner;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Convert(converter = Incidents.class)
    @Column(nullable = false)
    public List<RecurringIncident> incidents;

    @Column(name = "window_days", nullable = false)
    public int windowDays;

    @Column(nullable = false)
    public int threshold;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String outcome;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Version
    public long version;

    public static class Incidents extends JsonColumn.Converter<List<RecurringIncident>> {
        public Incidents() {
            super(new TypeReference<>() {
            });
        }
    }
}
