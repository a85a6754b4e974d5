package io.firebreak.response.model.runbook;

import io.firebreak.response.model.roles.IncidentRoleKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A runbook item instantiated for one incident's role: ticked by whoever holds the role. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentRoleKind role;

    @Column(name = "runbook_id", nullable = false)
    public UUID runbookId;

    @Column(name = "runbook_version", nullable = false)
    public int runbookVersion;

    @Column(name = "item_key", nullable = false)
    public String itemKey;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public boolean critical;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Version
    public long version;
}
