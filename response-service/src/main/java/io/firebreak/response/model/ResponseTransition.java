package io.firebreak.response.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a response's lifecycle, kept for good: who moved it, when, from what to what, and why. */
@Entity
@Table(name = "response_transition")
public class ResponseTransition {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    /** 1, 2, … per incident, in the order the transitions happened. */
    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LifecycleAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public ResponseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ResponseStatus toStatus;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** How an acknowledgement came (API, LINK, CHAT); null for the other actions. */
    public String via;

    public String note;
}
