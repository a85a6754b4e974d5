package io.firebreak.comms.model;

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

/** An incident as comms knows it from classification's and response's events. */
/**
 * (Facts from key to update time are platform {@code IncidentFacts}' and read-only here; comms adds impact and media attention.)
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "incident_key", nullable = false, insertable = false, updatable = false)
    public String incidentKey;

    @Column(nullable = false, insertable = false, updatable = false)
    public String title;

    @Column(name = "business_service", nullable = false, insertable = false, updatable = false)
    public String businessService;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    public Priority priority;

    @Column(nullable = false, insertable = false, updatable = false)
    public boolean drill;

    /** Response's lifecycle status (DECLARED, ACKNOWLEDGED, MITIGATED, RESOLVED, CLOSED). */
    @Column(name = "response_status", nullable = false, insertable = false, updatable = false)
    public String responseStatus;

    @Column(name = "detected_at", nullable = false, insertable = false, updatable = false)
    public Instant detectedAt;

    @Column(name = "declared_at", nullable = false, insertable = false, updatable = false)
    public Instant declaredAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Measured impact, from classification's events; null is "not measured". */
    @Column(name = "revenue_loss_per_hour")
    public Double revenueLossPerHour;

    @Column(name = "users_affected")
    public Long usersAffected;

    @Column(name = "customer_facing")
    public Boolean customerFacing;

    /** NONE, SUSPECTED or CONFIRMED. */
    @Column(name = "data_exposure")
    public String dataExposure;

    @Column(name = "regulatory_exposure")
    public Boolean regulatoryExposure;

    @Column(name = "regulated_service")
    public Boolean regulatedService;

    @Column(name = "security_breach")
    public Boolean securityBreach;

    /** DEGRADED or UNAVAILABLE. */
    public String availability;

    /** Set by the Communications Lead or IC when the press or social media picked the incident up (engages PR). */
    @Column(name = "media_attention", nullable = false)
    public boolean mediaAttention;

    @Column(name = "media_note")
    public String mediaNote;

    public boolean open() {
        return !"RESOLVED".equals(responseStatus) && !"CLOSED".equals(responseStatus);
    }
}
