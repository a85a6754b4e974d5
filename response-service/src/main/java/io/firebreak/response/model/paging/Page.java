package io.firebreak.response.model.paging;

import io.firebreak.response.model.oncall.ResponseRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One person paged for an incident at one escalation level and round. */
@Entity
@Table(name = "page")
public class Page {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "escalation_id", nullable = false)
    public UUID escalationId;

    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public int round;

    @Column(nullable = false)
    public String person;

    @Column(name = "team_id")
    public String teamId;

    @Enumerated(EnumType.STRING)
    public ResponseRole role;

    /** P1 or P2: which of the person's notification rules apply. */
    @Column(nullable = false)
    public String urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PageStatus status;

    @Column(name = "triggered_at", nullable = false)
    public Instant triggeredAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /**
     * The channel kind that handed the page over, or {@link #PROVEN_BY_LINK} while the only proof of delivery
     * is its acknowledgement link having been used.
     */
    @Column(name = "delivered_via")
    public String deliveredVia;

    /** Delivered, known only because the page's own link (or chat button) acknowledged it: its sender died before recording the send. */
    public static final String PROVEN_BY_LINK = "LINK";

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "link_used_at")
    public Instant linkUsedAt;

    @Version
    public int version;
}
