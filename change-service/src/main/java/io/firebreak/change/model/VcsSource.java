package io.firebreak.change.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A repository whose GitHub or GitLab webhooks change accepts, with the secret (GitHub) or token (GitLab) that proves them. */
@Entity
@Table(name = "vcs_source")
public class VcsSource {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String repository;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String secret;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
