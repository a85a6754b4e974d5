package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something for the post-mortem and change management: DEPLOY_IN_FREEZE, UNLINKED_CHANGE or ALIGNMENT_OVERRIDE. */
@Entity
@Table(name = "change_flag")
public class ChangeFlag {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String flag;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "change_id")
    public UUID changeId;

    @Column(name = "item_id")
    public UUID itemId;

    public String service;

    @Column(nullable = false)
    public String detail;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;
}
