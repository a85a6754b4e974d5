package io.firebreak.response.model.paging;

import io.firebreak.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The paging of one incident: what it is, and whether (and by whom) it was acknowledged. */
@Entity
@Table(name = "incident_paging")
public class IncidentPaging {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "incident_key", nullable = false)
    public String incidentKey;

    @Column(nullable = false)
    public String title;

    @Column(name = "business_service", nullable = false)
    public String businessService;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(nullable = false)
    public boolean drill;

    @Column(name = "responsible_teams", nullable = false)
    public String[] responsibleTeams;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PagingStatus status;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    @Column(name = "first_page_at")
    public Instant firstPageAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_via")
    public String acknowledgedVia;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /**
     * Created in the current transaction: no escalation or page of it exists in the database yet, so their
     * existence checks are answered from {@link #pagedNow} instead of queries (paging speed). Never stored.
     */
    @jakarta.persistence.Transient
    public boolean fresh;

    /** Level/round/person of the pages written for a fresh paging in this transaction. */
    @jakarta.persistence.Transient
    public java.util.Set<String> pagedNow = new java.util.HashSet<>();
}
