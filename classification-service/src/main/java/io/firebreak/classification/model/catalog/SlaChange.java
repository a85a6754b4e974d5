package io.firebreak.classification.model.catalog;

import io.firebreak.classification.model.JsonConverters;
import io.firebreak.events.Priority;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A proposed SLA for a service; it replaces the active SLA only when one of the service's owners signs it off. */
@Entity
@Table(name = "sla_change")
public class SlaChange {

    /** Lifecycle of a proposal. */
    public enum Status { PENDING, ACTIVE, SUPERSEDED }

    @Id
    public UUID id;

    public String service;

    @Convert(converter = JsonConverters.Sla.class)
    public Map<Priority, SlaTarget> sla;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "signed_off_by")
    public String signedOffBy;

    @Column(name = "signed_off_at")
    public Instant signedOffAt;

    @Column(name = "signoff_comment")
    public String signoffComment;

    /** The SLA change that was active when this was proposed (null: none was). */
    @Column(name = "base_change")
    public java.util.UUID baseChange;

    @Version
    public long version;
}
