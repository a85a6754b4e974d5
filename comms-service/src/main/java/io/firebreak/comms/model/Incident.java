package io.firebreak.comms.model;

import io.firebreak.events.Priority;
import io.firebreak.platform.incident.IncidentColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An incident as comms knows it: the facts platform {@code IncidentFacts} keeps from classification's and response's
 * events (read-only here), and what comms adds — measured impact, media attention.
 */
@Entity
@Table(name = "incident")
public class Incident extends IncidentColumns {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    public Priority priority;

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
