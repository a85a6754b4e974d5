package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A commit or deploy as received from GitHub, GitLab or a PagerDuty change event. */
@Entity
@Table(name = "vcs_item")
public class VcsItem {

    @Id
    public UUID id;

    @Column(name = "delivery_key", nullable = false)
    public String deliveryKey;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String source;

    public String repository;

    public String revision;

    public String service;

    public String environment;

    @Column(nullable = false)
    public String summary;

    public String author;

    public String url;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
