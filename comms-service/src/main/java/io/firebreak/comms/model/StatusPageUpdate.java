package io.firebreak.comms.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One post on the public status page: what customers were told, when, about which incident. */
@Entity
@Table(name = "status_page_update")
public class StatusPageUpdate {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String headline;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String impact;

    @Convert(converter = StatusVersion.ServicesColumn.class)
    @Column(name = "affected_services", nullable = false)
    public List<String> affectedServices;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "log_sequence", nullable = false)
    public long logSequence;
}
