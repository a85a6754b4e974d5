package io.firebreak.change.model;

import io.firebreak.events.Priority;
import io.firebreak.platform.incident.IncidentColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Set;

/** An incident as change knows it from classification's and response's events. */
@Entity
@Table(name = "incident")
public class Incident extends IncidentColumns {

    private static final Set<String> ENDED = Set.of("RESOLVED", "CLOSED");

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    public Priority priority;

    /** Active: declared and not yet resolved or closed. */
    public boolean active() {
        return !ENDED.contains(responseStatus);
    }

    /** Emergency changes are for active P1 and P2 incidents only. */
    public boolean takesEmergencyChanges() {
        return active() && (priority == Priority.P1 || priority == Priority.P2);
    }
}
